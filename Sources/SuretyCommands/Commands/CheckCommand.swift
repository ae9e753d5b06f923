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
        usage: surety check [--base-url URL [--timeout SECONDS]] [--token T] [--token-without-permission T] [--tenant UUID]
                            [--start KIND=LOCATOR ...] [--start-from DIR|FILE.har] [--allow-writes [--allow-issue]] [--read-only]
                            [--min-reached N|N%] [--max-requests N] [--max-failures N] [--header NAME:VALUE ...]
                            [--endpoint ID|GLOB ...] [--exclude ID|GLOB ...] [--var NAME=VALUE ...]
                            [--seed N] [--strict] [--scenarios DIR | --no-scenarios] [--no-negative-probes | --no-probe NAME ...]
                            [--report json:FILE|json:-] [--report junit:FILE] [--quiet] [--coverage \(choices(CoverageDetail.self))] [--contracts DIR]
               surety check --recordings DIR|FILE.har [--strict] [--report json:FILE] [--report junit:FILE]
          Without --base-url the built-in backend (the emulator with its built-in fixtures) runs in-process.
          Against a Surety server (recognised by GET /__surety/health) no option is needed: `serve --emulate` names its
          built-in tenant and token there. Against any other backend the run is read-only unless --allow-writes (then
          nothing is accepted or issued unless --allow-issue), sends nothing to /__surety/, and skips the scenarios
          written for the emulator's built-in fixtures. Discovery starts from --tenant, --start and --start-from and
          follows the locators the backend hands out. Start kinds: \(startKindsText).
          Verdicts: a valid request answered 401/403, 5xx, or 404 for a locator the backend handed out fails; a 404 for
          a locator the runner invented is unreached. A run that reaches no endpoint (or fewer than --min-reached) fails.
          Negative probes: \(NegativeProbe.allCases.map(\.rawValue).joined(separator: ", ")) (no-token needs --token,
          no-permission needs --token-without-permission). --report may repeat or list several: junit:a.xml,json:b.json.
          Exit codes: 0 conforms, 1 violations or too little reached, 2 could not run, 64 usage.
        """

    /// The kinds `--start` takes, as the usage text lists them.
    static var startKindsText: String {
        "policy, transaction, term, segment, quote, account, invoice, delinquency, documentJob, invoicingJob, deserializeJob, … (any locator kind of the contract's paths)"
    }

    /// Makes the in-process backend from the contract and the run's options (seed, tenant, tokens).
    typealias BackendFactory = @Sendable (Contract, ConformanceRunner.Options) -> any Responder

    /// The backend `surety check` runs without `--base-url`: what `surety serve --emulate --quiet` serves, assembled
    /// by the same ``ServeStack``, in-process — the emulator for the endpoints it implements and the mock for the
    /// rest, behind the same contract validation, with the emulator's admin routes (`POST /__surety/reset`, which the
    /// emulator scenarios begin with), stubs and journal.
    static let defaultInProcessBackend: BackendFactory = { contract, options in
        let checker = ExchangeChecker(contract: contract, options: .init(requiresAuthorization: true))
        let mock = MockResponder(checker: checker, options: .init(seed: options.seed))
        // The built-in fixtures always load; were they ever not to, the mock alone answers (and the run says what it reached).
        let mode: ServeMode
        if let emulator = try? EmulatedBackend(contract: contract, fixtures: .builtIn, clock: .manual(BuiltInFixtures.referenceInstant),
                                               seed: options.seed) {
            mode = .emulate(emulator, mock: mock, builtInFixtures: true)
        } else {
            mode = .mock(mock)
        }
        var stack = ServeStack(mode: mode, checker: checker)
        stack.seed = options.seed
        stack.stubs = StubBoard()
        stack.journal = Journal()
        return stack.assemble()
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
    /// `--start KIND=LOCATOR`, checked against the contract's kinds when it is loaded.
    let starts: [(kind: String, locator: String)]
    /// `--start-from DIR|FILE.har`: locators harvested from recordings of real traffic.
    let startFrom: String?
    /// What the user chose about writes: nil leaves it to the backend (Surety's own servers take writes).
    let writes: Bool?
    /// Prints only the summary lines.
    let quiet: Bool
    /// Lists every never-observed optional property and enum value.
    let fullCoverage: Bool
    /// Whether the tenant and tokens were given (else a Surety emulator's built-in ones are used).
    let givenTenant: Bool, givenToken: Bool, givenTokenWithoutPermission: Bool

    init(arguments: [String]) throws(UsageError) {
        try self.init(arguments: arguments, makeInProcessBackend: Self.defaultInProcessBackend)
    }

    static let valueOptions: Set<String> = [
        "contracts", "base-url", "timeout", "token", "token-without-permission", "tenant", "seed", "scenarios", "report", "no-probe",
        "recordings", "start", "start-from", "min-reached", "max-requests", "max-failures", "header", "endpoint", "exclude", "var", "coverage",
    ]
    static let flagOptions: Set<String> = ["strict", "no-scenarios", "no-negative-probes", "allow-writes", "allow-issue", "read-only", "quiet"]

    /// Parses the arguments, with the in-process backend injected (tests, the emulator).
    init(arguments: [String], makeInProcessBackend: @escaping BackendFactory) throws(UsageError) {
        let scanner = try ArgumentScanner(arguments, options: Self.valueOptions, flags: Self.flagOptions)
        guard scanner.positionals.isEmpty else { throw UsageError("unexpected argument \(scanner.positionals[0])") }
        recordings = scanner.value("recordings")
        if recordings != nil {
            let driving = Self.valueOptions.subtracting(["contracts", "report", "recordings", "coverage"]).sorted().filter { scanner.value($0) != nil }
                + Self.flagOptions.subtracting(["strict", "quiet"]).sorted().filter { scanner.flag($0) }
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
        givenTenant = options.tenant != nil
        options.token = scanner.value("token")
        givenToken = options.token != nil
        options.tokenWithoutPermission = scanner.value("token-without-permission")
        givenTokenWithoutPermission = options.tokenWithoutPermission != nil
        options.strict = scanner.flag("strict")
        options.negativeProbes = try Self.negativeProbes(scanner)
        options.maxRequests = try scanner.integer("max-requests", in: 1...1_000_000) ?? ConformanceRunner.Options.defaultMaxRequests
        options.maxFailures = try scanner.integer("max-failures", in: 1...1_000_000)
        if let text = scanner.value("min-reached") {
            guard let bar = ReachBar(parsing: text) else { throw UsageError("--min-reached needs a count N or a percentage N% (0-100), got \(text)") }
            options.minimumReached = bar
        }
        options.headers = try Self.headers(scanner.values["header"] ?? [])
        options.variables = try Self.pairs(scanner.values["var"] ?? [], option: "var", shape: "NAME=VALUE")
        options.endpoints = EndpointFilter(included: scanner.values["endpoint"] ?? [], excluded: scanner.values["exclude"] ?? [])
        starts = try Self.pairs(scanner.values["start"] ?? [], option: "start", shape: "KIND=LOCATOR").sorted { $0.key < $1.key }
            .map { (kind: $0.key, locator: $0.value) }
        startFrom = scanner.value("start-from")
        if scanner.flag("allow-issue") && !scanner.flag("allow-writes") && baseURL != nil {
            throw UsageError("--allow-issue goes with --allow-writes")
        }
        if scanner.flag("read-only") && scanner.flag("allow-writes") { throw UsageError("give --read-only or --allow-writes, not both") }
        writes = scanner.flag("allow-writes") ? true : scanner.flag("read-only") ? false : nil
        options.allowsIssue = scanner.flag("allow-issue")
        quiet = scanner.flag("quiet")
        switch try scanner.choice("coverage", default: CoverageDetail.defaultDetail) {
        case .summary: fullCoverage = false
        case .full: fullCoverage = true
        }
        self.options = options
        guard !(scanner.flag("no-scenarios") && scanner.value("scenarios") != nil) else {
            throw UsageError("give --scenarios DIR or --no-scenarios, not both")
        }
        scenariosDirectory = scanner.value("scenarios")
        runsScenarios = !scanner.flag("no-scenarios")
        reports = try Self.reportFiles(scanner.values["report"] ?? [])
    }

    /// `NAME:VALUE` header fields; a usage error names the first malformed one.
    static func headers(_ values: [String]) throws(UsageError) -> [HTTPField] {
        var fields: [HTTPField] = []
        for value in values {
            guard let colon = value.firstIndex(of: ":"), colon != value.startIndex else {
                throw UsageError("--header needs NAME:VALUE, got \(value)")
            }
            let name = String(value[..<colon])
            guard name.utf8.allSatisfy({ HTTPGrammar.isTokenChar($0) }) else { throw UsageError("--header: \(name) is not a header name") }
            fields.append(HTTPField(name: name, value: String(value[value.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        return fields
    }

    /// `NAME=VALUE` pairs by name (the last of a repeated name wins); a usage error names the first malformed one.
    static func pairs(_ values: [String], option: String, shape: String) throws(UsageError) -> [String: String] {
        var pairs: [String: String] = [:]
        for value in values {
            guard let equals = value.firstIndex(of: "="), equals != value.startIndex, value.index(after: equals) < value.endIndex else {
                throw UsageError("--\(option) needs \(shape), got \(value)")
            }
            pairs[String(value[..<equals])] = String(value[value.index(after: equals)...])
        }
        return pairs
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
                if path != "-" {
                    let folder = (path as NSString).deletingLastPathComponent
                    var isDirectory: ObjCBool = false
                    guard folder.isEmpty || (FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) else {
                        throw UsageError("--report \(item): the folder \(folder) does not exist")
                    }
                }
            }
        }
        if files.filter({ $0 == .json("-") || $0 == .junit("-") }).count > 1 { throw UsageError("--report: only one report can go to standard output (-)") }
        return files
    }
}
