import Foundation
import SuretyConformance
import SuretyEmulator
import SuretyServing
import SuretyContracts
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyJSON
import SuretySchemas
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `surety check`: drives a backend through the contract (scenarios, generated probes, negative probes), prints a
/// summary with coverage, writes JSON and JUnit reports, and exits 0 when it conforms, 1 on violations.
///
/// With `--base-url` the backend is a live server reached through ``UpstreamClient``; without it, the backend made
/// by ``makeInProcessBackend`` runs in-process (``GeneratedBackend`` until the mock or emulator is wired in).
struct CheckCommand: SuretyCommand {
    static let name = "check"
    static let summary = "drive a backend through the contract: scenarios, probes, negative probes and coverage"
    static let usage = """
        usage: surety check [--base-url URL [--timeout SECONDS]] [--token T] [--token-without-permission T]
                            [--tenant UUID] [--seed N] [--strict] [--scenarios DIR | --no-scenarios]
                            [--report json:FILE] [--report junit:FILE] [--no-negative-probes | --no-probe NAME ...]
                            [--contracts DIR]
               surety check --recordings DIR|FILE.har [--strict] [--report json:FILE] [--report junit:FILE]
          Without --base-url the built-in backend runs in-process. --recordings checks every recorded request and
          response offline, sending nothing.
          Negative probes: \(NegativeProbe.allCases.map(\.rawValue).joined(separator: ", ")) (no-token needs --token,
          no-permission needs --token-without-permission). --report may repeat or list several: junit:a.xml,json:b.json.
          Exit codes: 0 conforms, 1 violations, 2 could not run, 64 usage.
        """

    /// Makes the in-process backend from the contract and the run's options (seed, tenant, tokens).
    typealias BackendFactory = @Sendable (Contract, ConformanceRunner.Options) -> any Responder

    /// The backend `surety check` runs without `--base-url`: what `surety serve --emulate` serves, in-process — the
    /// emulator for the endpoints it implements and the mock for the rest, behind the same contract validation, with
    /// the emulator's admin routes (`POST /__surety/reset`, which the emulator scenarios begin with).
    static let defaultInProcessBackend: BackendFactory = { contract, options in
        let checker = ExchangeChecker(contract: contract, options: .init(requiresAuthorization: true))
        let mock = MockResponder(checker: checker, options: .init(seed: options.seed))
        guard let emulator = try? EmulatedBackend(contract: contract, fixtures: .builtIn, clock: .manual(BuiltInFixtures.referenceInstant),
                                                  seed: options.seed) else {
            return ValidatingResponder(checker: checker, inner: mock)
        }
        // In memory, so the reset cannot fail to be journaled.
        let admin = AdminContext(mode: "emulator", contract: contract, log: ViolationLog(), resets: [{ try? emulator.reset() }],
                                 routes: EmulatorAdmin.routes(for: emulator))
        return AdminResponder(inner: ValidatingResponder(checker: checker, inner: EmulatorAdmin.backend(emulator, checker: checker, mock: mock)),
                              context: admin)
    }

    /// The tenant and token of the built-in fixtures, used in-process when `--tenant` and `--token` are not given.
    static let inProcessTenant = BuiltInFixtures.tenantA
    static let inProcessToken = "surety-token"
    /// The built-in token that holds the tenant but no permission, for the in-process `no-permission` probe.
    static let inProcessTokenWithoutPermission = "surety-no-permission"

    /// A report file to write.
    enum ReportFile: Sendable, Equatable {
        case json(String)
        case junit(String)
    }

    static let reportFormats = ["json", "junit"]

    let source: ContractSource
    let baseURL: URL?
    let timeout: Duration
    let options: ConformanceRunner.Options
    let scenariosDirectory: String?
    let runsScenarios: Bool
    let reports: [ReportFile]
    /// The recordings folder (or HAR file) to check offline, instead of driving a backend.
    let recordings: String?
    /// Makes the backend when there is no `--base-url`.
    let makeInProcessBackend: BackendFactory

    init(arguments: [String]) throws(UsageError) {
        try self.init(arguments: arguments, makeInProcessBackend: Self.defaultInProcessBackend)
    }

    /// Parses the arguments, with the in-process backend injected (tests, the emulator).
    init(arguments: [String], makeInProcessBackend: @escaping BackendFactory) throws(UsageError) {
        let scanner = try ArgumentScanner(
            arguments,
            options: ["contracts", "base-url", "timeout", "token", "token-without-permission", "tenant", "seed", "scenarios",
                      "report", "no-probe", "recordings"],
            flags: ["strict", "no-scenarios", "no-negative-probes"])
        guard scanner.positionals.isEmpty else { throw UsageError("unexpected argument \(scanner.positionals[0])") }
        recordings = scanner.value("recordings")
        if recordings != nil {
            let driving = ["base-url", "timeout", "token", "token-without-permission", "tenant", "seed", "scenarios", "no-probe"]
                .filter { scanner.value($0) != nil } + ["no-scenarios", "no-negative-probes"].filter { scanner.flag($0) }
            if let first = driving.first {
                throw UsageError("--recordings checks recorded exchanges offline; --\(first) drives a backend, give one or the other")
            }
        }
        source = ContractSource(scanner)
        self.makeInProcessBackend = makeInProcessBackend
        baseURL = try scanner.httpURL("base-url")
        timeout = .seconds(try scanner.integer("timeout", in: 1...3_600) ?? 30)
        var options = ConformanceRunner.Options()
        if let seed = scanner.value("seed") {
            guard let value = UInt64(seed) else { throw UsageError("--seed needs a whole number from 0 to \(UInt64.max), got \(seed)") }
            options.seed = value
        }
        if let tenant = scanner.value("tenant") {
            guard Formats.matches(tenant, .uuid) else { throw UsageError("--tenant needs a UUID (8-4-4-4-12 hexadecimal), got \(tenant)") }
            options.tenant = tenant
        }
        options.token = scanner.value("token")
        if baseURL == nil {
            options.tenant = scanner.value("tenant") ?? Self.inProcessTenant
            options.token = options.token ?? Self.inProcessToken
        }
        options.tokenWithoutPermission = scanner.value("token-without-permission") ?? (baseURL == nil ? Self.inProcessTokenWithoutPermission : nil)
        options.strict = scanner.flag("strict")
        options.negativeProbes = try Self.negativeProbes(scanner)
        self.options = options
        guard !(scanner.flag("no-scenarios") && scanner.value("scenarios") != nil) else {
            throw UsageError("give --scenarios DIR or --no-scenarios, not both")
        }
        scenariosDirectory = scanner.value("scenarios")
        runsScenarios = !scanner.flag("no-scenarios")
        reports = try Self.reportFiles(scanner.values["report"] ?? [])
    }

    static func negativeProbes(_ scanner: ArgumentScanner) throws(UsageError) -> Set<NegativeProbe> {
        if scanner.flag("no-negative-probes") { return [] }
        var probes = Set(NegativeProbe.allCases)
        for name in (scanner.values["no-probe"] ?? []).flatMap({ $0.split(separator: ",").map(String.init) }) {
            guard let probe = NegativeProbe(rawValue: name) else {
                let names = NegativeProbe.allCases.map(\.rawValue)
                let hint = EditDistance.didYouMean(EditDistance.nearest(to: name, among: names, maxDistance: 3).map { [$0] } ?? [])
                throw UsageError("unknown probe \(name)\(hint); probes: \(names.joined(separator: ", "))")
            }
            probes.remove(probe)
        }
        return probes
    }

    static func reportFiles(_ values: [String]) throws(UsageError) -> [ReportFile] {
        var files: [ReportFile] = []
        for value in values {
            for item in value.split(separator: ",").map(String.init) {
                guard let colon = item.firstIndex(of: ":"), item.index(after: colon) < item.endIndex else {
                    throw UsageError("--report needs FORMAT:FILE with FORMAT one of \(reportFormats.joined(separator: ", ")), got \(item)")
                }
                let path = String(item[item.index(after: colon)...])
                switch item[..<colon] {
                case "json": files.append(.json(path))
                case "junit": files.append(.junit(path))
                default:
                    throw UsageError("--report format must be one of \(reportFormats.joined(separator: ", ")), got \(item[..<colon])")
                }
            }
        }
        return files
    }

    func run(console: Console) async -> ExitCode {
        guard let contract = source.loadOrReport(console) else { return .failure }
        if let recordings { return checkRecordings(recordings, contract: contract, console: console) }
        guard let scenarios = loadScenarios(contract, console) else { return .failure }
        let backend: any Responder
        let backendName: String
        if let baseURL {
            let client = UpstreamClient(baseURL: baseURL, timeout: timeout)
            do {
                _ = try await client.forward(HTTPRequest(method: .get, target: "/", headers: ["Accept": "application/json"]))
            } catch {
                console.errorLine("surety check: cannot reach \(baseURL.absoluteString): \(error.title)")
                return .failure
            }
            backend = client
            backendName = baseURL.absoluteString
        } else {
            backend = makeInProcessBackend(contract, options)
            backendName = "in-process backend"
        }
        let runner = ConformanceRunner(contract: contract, backend: backend, options: options, scenarios: scenarios,
                                       backendName: backendName)
        let showsProgress = console is StandardConsole && isatty(2) == 1
        let progress: @Sendable (ConformanceRunner.Progress) -> Void = { progress in
            let label = "\(progress.result.endpointID ?? "-") \(progress.result.name)"
            console.err("\r\u{1B}[K[\(progress.completed)/\(progress.planned)] " + ValidationIssue.bounded(label, limit: 70))
        }
        let report = await runner.run(progress: showsProgress ? progress : nil)
        if showsProgress { console.err("\r\u{1B}[K") }
        return emit(report, contract: contract, console: console)
    }

    /// Prints the summary (and GitHub annotations), writes the report files, and gives the exit code.
    func emit(_ report: ConformanceReport, contract: Contract, console: Console) -> ExitCode {
        console.out(TextReport(colors: console.colorsOutput).render(report))
        if console.environment("GITHUB_ACTIONS") == "true" {
            for line in GitHubAnnotations.render(report, contract: contract, relativeTo: FileManager.default.currentDirectoryPath) { console.line(line) }
        }
        for file in reports {
            do throws(AtomicFile.WriteError) {
                switch file {
                case .json(let path): try AtomicFile.write(report.jsonBytes(), to: path)
                case .junit(let path): try AtomicFile.write(Array(JUnitReport.render(report).utf8), to: path)
                }
            } catch {
                console.errorLine("surety check: \(error.description)")
                return .failure
            }
        }
        return report.conforms ? .success : .findings
    }

    /// The scenarios: from `--scenarios DIR`, else `CONTRACTS/scenarios` when it exists; nil after printing
    /// errors when a file is wrong or the named folder is missing.
    func loadScenarios(_ contract: Contract, _ console: Console) -> [Scenario]? {
        guard runsScenarios else { return [] }
        let directory: String
        if let scenariosDirectory {
            directory = scenariosDirectory
        } else {
            directory = (source.directory.hasSuffix("/") ? source.directory : source.directory + "/") + "scenarios"
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        }
        do {
            let loaded = try ScenarioLoader(contract: contract).load(directory: directory)
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
