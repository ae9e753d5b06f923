import Foundation
import SuretyConformance
import SuretyEmulator
import SuretyContracts
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyJSON
import SuretyServing

/// `surety serve`: answers the contract's API on a local port from mocks, an upstream, recordings or the emulator,
/// checking every request and response against the contract.
struct ServeCommand: SuretyCommand {
    static let name = "serve"
    static let summary = "serve the API: schema-driven mocks (default), a validating proxy, record/replay, the emulator"
    static let usage = """
        usage: surety serve [--mock | --emulate [--fixtures FILE] [--state DIR] [--max-records N] [--print-fixtures] | --proxy URL | --record DIR --upstream URL | --replay DIR] [options]
        \(ServeOptions.usage)
        \(RecordingOptions.usage)
        """

    /// Where answers come from.
    enum Mode: Sendable {
        case mock
        case proxy(URL)
        case record(directory: String, upstream: URL)
        case replay(directory: String)
        case emulate
    }

    let source: ContractSource
    let mode: Mode
    let options: ServeOptions
    let recording: RecordingOptions
    let fixtures: String?
    /// `--state DIR`: where the emulator's journal keeps its state across restarts.
    let stateDirectory: String?
    /// `--print-fixtures`: write the emulator's fixtures (built-in or `--fixtures FILE`) as JSON and exit.
    let printFixtures: Bool
    /// The emulator's bounds (`--max-records N`: the most records a tenant holds).
    let emulatorLimits: EmulatorLimits

    init(arguments: [String]) throws(UsageError) {
        let scanner = try ArgumentScanner(
            arguments, options: ServeOptions.valueOptions.union(RecordingOptions.valueOptions).union(["proxy", "record", "replay", "upstream", "fixtures", "state", "max-records"]),
            flags: ServeOptions.flags.union(RecordingOptions.flags).union(["mock", "emulate", "print-fixtures"]))
        guard scanner.positionals.isEmpty else { throw UsageError("unexpected argument \(scanner.positionals[0])") }
        let modes = ["mock", "emulate", "proxy", "record", "replay"].filter { scanner.flag($0) || scanner.value($0) != nil }
        guard modes.count <= 1 else { throw UsageError("choose one mode, not --\(modes.joined(separator: " and --"))") }
        if let upstream = scanner.value("proxy") {
            mode = .proxy(try Self.upstreamURL(upstream, option: "proxy"))
        } else if let directory = scanner.value("record") {
            guard let upstream = scanner.value("upstream") else { throw UsageError("--record DIR needs --upstream URL") }
            mode = .record(directory: directory, upstream: try Self.upstreamURL(upstream, option: "upstream"))
        } else if let directory = scanner.value("replay") {
            mode = .replay(directory: directory)
        } else if scanner.flag("emulate") {
            mode = .emulate
        } else {
            mode = .mock
        }
        if scanner.value("upstream") != nil, case .record = mode {} else if scanner.value("upstream") != nil {
            throw UsageError("--upstream goes with --record DIR (use --proxy URL to forward without recording)")
        }
        fixtures = scanner.value("fixtures")
        if fixtures != nil, case .emulate = mode {} else if fixtures != nil { throw UsageError("--fixtures goes with --emulate") }
        stateDirectory = scanner.value("state")
        if stateDirectory != nil, case .emulate = mode {} else if stateDirectory != nil { throw UsageError("--state goes with --emulate") }
        printFixtures = scanner.flag("print-fixtures")
        if printFixtures, case .emulate = mode {} else if printFixtures { throw UsageError("--print-fixtures goes with --emulate") }
        let maxRecords = try scanner.integer("max-records", in: 1...Int.max)
        if maxRecords != nil, case .emulate = mode {} else if maxRecords != nil { throw UsageError("--max-records goes with --emulate") }
        emulatorLimits = EmulatorLimits(maxRecordsPerTenant: maxRecords ?? EmulatorLimits.defaultMaxRecordsPerTenant)
        source = ContractSource(scanner)
        options = try ServeOptions(scanner)
        recording = try RecordingOptions(scanner)
    }

    static func upstreamURL(_ text: String, option: String) throws(UsageError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw UsageError("--\(option) needs an http(s) URL such as http://127.0.0.1:8080, got \(text)")
        }
        return url
    }

    func run(console: Console) async -> ExitCode {
        if printFixtures { return writeFixtures(console: console) }
        guard let contract = source.loadOrReport(console) else { return .failure }
        let checker = ExchangeChecker(contract: contract, options: .init(strict: options.strict, requiresAuthorization: options.requiresAuthorization,
                                                                     acceptedTokens: options.tokens))
        var faults = FaultPlan(defaultFault: options.defaultFault)
        if let file = options.faultsFile {
            guard let plan = loadFaults(file, contract: contract, console: console) else { return .failure }
            faults = plan
        }
        let writer = LineWriter(console: console)
        let mock = MockResponder(checker: checker, options: .init(seed: options.seed, optional: options.optional))
        let adminToken = options.adminToken ?? AdminDoor.generateToken()
        var note: String? = options.adminToken == nil
            ? "admin token \(adminToken) (generated; the routes under /__surety/ but health need Authorization: Bearer <it>, --admin-token to choose one)"
            : nil
        var adminUpstream: (any Responder)?
        let served: ServeMode
        switch mode {
        case .mock:
            served = .mock(mock)
        case .proxy(let url):
            (adminUpstream, note) = await forwardingAdmin(to: url, note: note)
            served = .proxy(UpstreamClient(baseURL: url))
        case .record(let directory, let url):
            guard let recorder = recording.makeRecorder(directory: directory, upstream: url, checker: checker, writer: writer, console: console) else {
                return .failure
            }
            (adminUpstream, note) = await forwardingAdmin(to: url, note: note)
            served = .record(recorder)
        case .replay(let directory):
            guard let replay = recording.makeReplay(directory: directory, checker: checker, mock: mock, console: console) else {
                return .failure
            }
            served = .replay(replay, rewind: { replay.index.rewind() })
        case .emulate:
            guard let emulator = makeEmulator(contract: contract, console: console) else { return .failure }
            served = .emulate(emulator, mock: mock, builtInFixtures: fixtures == nil)
            note = fixtures == nil ? EmulatorAdmin.builtInNote : EmulatorAdmin.customNote(emulator)
        }
        let log = ViolationLog(secrets: recording.redaction.namePolicy)
        var stack = ServeStack(mode: served, checker: checker, log: log)
        if let policy = options.onInvalid { stack.policy = policy }
        stack.faults = faults
        stack.seed = options.seed
        // Behind the emulator its fixtures' admin tokens open the door, and --admin-token too when given.
        if case .emulate = mode { stack.door = options.adminToken.map(AdminDoor.token) } else { stack.door = .token(adminToken) }
        stack.healthDetails = [BackendIdentity.tokenMember(required: options.requiresAuthorization)]
        stack.requestLog = options.quiet ? nil : (options.logFormat, { writer.error($0) })
        stack.cors = options.cors
        stack.secrets = recording.redaction.namePolicy
        stack.journal = Journal(secrets: recording.redaction.namePolicy)
        stack.adminUpstream = adminUpstream
        stack.warn = { writer.error("surety serve: \($0)") }
        let stubs = StubBoard()
        if let directory = options.stubsDirectory {
            guard loadStubs(from: directory, into: stubs, checker: checker, console: console) else { return .failure }
        }
        stack.stubs = stubs
        let responder = stack.assemble()
        return await serve(responder, mode: served.name, endpoints: contract.endpoints.count, log: writer, note: note, console: console)
    }

    /// Binds, prints the address, serves until SIGINT or SIGTERM, and exits 0 after a graceful stop.
    /// `note`, when given, is printed on the line after the address (the emulator's tenant and tokens).
    func serve(_ responder: any Responder, mode name: String, endpoints: Int, log: LineWriter, note: String? = nil, console: Console) async -> ExitCode {
        let server = HTTPServer(host: options.host, port: options.port, limits: options.limits, timeouts: options.timeouts,
                                maxConnections: options.maxConnections, eventLoopCount: options.eventLoops, responder: responder)
        let port: UInt16
        do {
            port = try server.start()
        } catch {
            console.errorLine("surety serve: cannot listen on \(options.host):\(options.port): \(error)")
            return .failure
        }
        let signals = server.stopOnTerminationSignals()
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        console.line("surety serve: \(name) of \(endpoints) endpoints listening on http://\(host):\(port)")
        if let note { console.line("surety serve: \(note)") }
        await server.waitUntilStopped()
        signals.cancel()
        log.flush()
        console.errorLine("surety serve: stopped")
        return .success
    }

    private func loadFaults(_ file: String, contract: Contract, console: Console) -> FaultPlan? {
        let bytes: [UInt8]
        do {
            bytes = try Array(Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            console.errorLine("surety serve: cannot read \(file): \((error as NSError).localizedDescription)")
            return nil
        }
        do {
            return try FaultPlan(bytes: bytes, file: file, knownEndpoints: Set(contract.endpoints.map(\.id)))
        } catch {
            for diagnostic in error.diagnostics { console.errorLine(diagnostic.description) }
            return nil
        }
    }
}
