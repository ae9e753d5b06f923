import Foundation
import SuretyConformance
import SuretyContracts
import SuretySchemas
import SuretyServing
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyJSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CheckCommand {
    func run(console: Console) async -> ExitCode {
        guard let contract = source.loadOrReport(console) else { return .failure }
        if let recordings { return checkRecordings(recordings, contract: contract, console: console) }
        guard let scenarios = loadScenarios(contract, console) else { return .failure }
        let backend: any Responder
        let backendName: String
        let identity: BackendIdentity
        if let baseURL {
            let client = UpstreamClient(baseURL: baseURL, timeout: timeout)
            let health: HTTPResponse
            do {
                health = try await client.forward(HTTPRequest(method: .get, target: SuretyRoutes.health, headers: ["Accept": "application/json"]))
            } catch {
                console.errorLine("surety check: cannot reach \(baseURL.absoluteString): \(error.title)")
                return .failure
            }
            identity = BackendIdentity(healthStatus: health.status.code, body: health.body)
            backend = client
            backendName = baseURL.absoluteString
        } else {
            identity = BackendIdentity(suretyMode: "emulator", builtInFixtures: EmulatorAdmin.builtInCredentials, customFixtures: false)
            backend = makeInProcessBackend(contract, options)
            backendName = "in-process backend"
        }
        guard var options = runOptions(for: identity, console: console) else { return .usage }
        switch startSightings(contract: contract, console: console) {
        case .success(let sightings): options.starts = sightings
        case .failure(let exit): return exit.code
        }
        let runner = ConformanceRunner(contract: contract, backend: backend, options: options, scenarios: scenarios,
                                       backendName: backendName)
        let showsProgress = !quiet && console is StandardConsole && isatty(2) == 1
        let progress: @Sendable (ConformanceRunner.Progress) -> Void = { progress in
            let label = "\(progress.result.endpointID ?? "-") \(progress.result.name)"
            console.err("\r\u{1B}[K[\(progress.completed)/\(progress.planned)] " + ValidationIssue.bounded(label, limit: 70))
        }
        let report = await runner.run(progress: showsProgress ? progress : nil)
        if showsProgress { console.err("\r\u{1B}[K") }
        return emit(report, contract: contract, console: console)
    }

    /// The run's options for the backend it found: against a Surety emulator holding the built-in fixtures, their
    /// tenant and tokens unless given; against a Surety server, writes and admin steps; against anything else a
    /// read-only run without admin steps or fixture scenarios. Nil, after saying what is missing, when an emulator
    /// holds other fixtures and no token was given.
    func runOptions(for identity: BackendIdentity, console: Console) -> ConformanceRunner.Options? {
        var options = self.options
        options.allowsAdmin = identity.ownsData
        options.allowsWrites = writes ?? identity.ownsData
        options.allowsIssue = options.allowsWrites && (options.allowsIssue || (identity.ownsData && writes == nil))
        options.runsFixtureScenarios = identity.builtInFixtures != nil
        if let builtIn = identity.builtInFixtures {
            if !givenTenant { options.tenant = builtIn.tenant }
            if !givenToken { options.token = builtIn.token }
            if !givenTokenWithoutPermission { options.tokenWithoutPermission = builtIn.tokenWithoutPermission }
            options.adminToken = builtIn.adminToken
        } else if identity.customFixtures, !givenToken || !givenTenant {
            console.errorLine("surety check: \(baseURL?.absoluteString ?? "the backend") is a Surety emulator holding its own fixtures: "
                              + "give --token and --tenant of one of their tenants (and --start policy=LOCATOR to begin discovery there)")
            return nil
        } else if identity.ownsData, !givenToken {
            options.token = identity.requiresToken ? Self.mockToken : nil
        }
        if !quiet, baseURL != nil {
            let kind = identity.suretyMode.map { "a Surety server (\($0))" } ?? "not a Surety server"
            let access = options.allowsWrites ? (options.allowsIssue ? "writes and issues allowed" : "writes allowed, nothing issued")
                : "read-only (--allow-writes to send writes)"
            console.errorLine("surety check: \(baseURL?.absoluteString ?? "in-process backend"): \(kind); \(access)")
        }
        return options
    }

    /// The token a run sends to a Surety mock that accepts any bearer token, when none is given.
    static let mockToken = "surety-check"

    /// Prints the summary (and GitHub annotations), writes the report files, and gives the exit code.
    func emit(_ report: ConformanceReport, contract: Contract, console: Console) -> ExitCode {
        let toStandardOutput = reports.contains(.json("-")) || reports.contains(.junit("-"))
        let text = TextReport(colors: console.colorsOutput, quiet: quiet, fullCoverage: fullCoverage, baseURL: baseURL?.absoluteString).render(report)
        if toStandardOutput { console.err(text) } else { console.out(text) }
        var written: [String] = []
        for file in reports {
            let bytes: [UInt8]
            let path: String
            switch file {
            case .json(let name): (bytes, path) = (report.jsonBytes(), name)
            case .junit(let name): (bytes, path) = (Array(JUnitReport.render(report).utf8), name)
            }
            if path == "-" {
                console.out(String(decoding: bytes, as: UTF8.self))
                continue
            }
            do throws(AtomicFile.WriteError) {
                try AtomicFile.write(bytes, to: path)
                written.append(path)
            } catch {
                console.errorLine("surety check: \(error.description)")
                return .failure
            }
        }
        if console.environment("GITHUB_ACTIONS") == "true" {
            let lines = GitHubAnnotations.render(report, contract: contract, relativeTo: FileManager.default.currentDirectoryPath, reports: written)
            for line in lines { toStandardOutput ? console.errorLine(line) : console.line(line) }
        }
        return report.conforms ? .success : .findings
    }

    /// The scenarios: from `--scenarios DIR`, else `CONTRACTS/scenarios` when it exists; nil after printing
    /// errors when a file is wrong or the named folder is missing.
    func loadScenarios(_ contract: Contract, _ console: Console) -> [Scenario]? {
        guard runsScenarios else { return [] }
        let directory: String
        var shownAs: String?
        if let scenariosDirectory {
            directory = scenariosDirectory
        } else {
            guard let origin = source.origin(console) else { return [] }
            let contracts = origin.directory
            directory = (contracts.hasSuffix("/") ? contracts : contracts + "/") + "scenarios"
            shownAs = origin.shownAs.map { $0 + "/scenarios" }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        }
        do {
            let loaded = try ScenarioLoader(contract: contract).load(directory: directory, shownAs: shownAs)
            for diagnostic in loaded.diagnostics { console.errorLine(diagnostic.description) }
            let errors = loaded.diagnostics.filter { $0.severity == .error }.count
            guard errors == 0 else {
                console.errorLine("surety check: the scenarios in \(directory) have \(errors) error(s)")
                return nil
            }
            return loaded.scenarios
        } catch {
            console.errorLine("surety check: \(error.description)")
            return nil
        }
    }
}
