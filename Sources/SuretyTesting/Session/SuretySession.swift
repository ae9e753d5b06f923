import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SuretyConformance
import SuretyEmulator
import SuretyHTTPCore
import SuretyServing

/// One test's in-process Surety: the stack `surety serve` assembles for a mode, its own stubs, state and journal,
/// and a `URLSession` whose requests it answers without a socket.
///
/// Sessions are independent: tests running in parallel each make one (the `.surety` trait does) and never see each
/// other's requests, because each `URLSession` carries its session's id and the interceptor routes by it.
public final class SuretySession: Sendable {
    /// The session of the running test, bound by the `.surety(...)` trait.
    @TaskLocal public static var current: SuretySession?

    /// The session's id, carried by every request to ``baseURL`` in its host (and in ``SessionRegistry/header``).
    public let id: String
    /// The token the session's admin routes (`/__surety/…` but health) open to, made for this session.
    public let adminToken: String
    /// The mode answering.
    public let mode: SuretyMode
    /// The contract's checker.
    public let checker: ExchangeChecker
    /// Every API request answered, in order.
    public let journal: Journal
    /// The stubs pinned with ``pin(_:)``.
    public let stubs: StubBoard
    /// The emulator in `.emulate` mode (its clock, state and fixtures), else nil.
    public let emulator: EmulatedBackend?
    /// What a violation does to the running test.
    public let onViolation: ViolationHandling
    /// The base URL to give the client under test, `http://<id>.surety.invalid`: its host names this session.
    public let baseURL: URL
    /// A `URLSession` whose every request this session answers.
    public let urlSession: URLSession
    let stack: any Responder
    let findingLog: Findings

    /// Assembles a session in `mode` over the contract in `contractsDirectory` (default: ``ContractDirectory/bundled``).
    public init(_ mode: SuretyMode = .emulate, contractsDirectory: String? = nil,
                onViolation: ViolationHandling = .fail) throws(SuretyTestingError) {
        let checker = try ContractDirectory.checker(for: contractsDirectory ?? ContractDirectory.bundled)
        let log = ViolationLog()
        let findings = Findings(log: log, contract: checker.contract)
        let journal = Journal()
        let stubs = StubBoard()
        let made = try ModeResponder.make(mode, checker: checker, stubs: stubs, note: { findings.note($0) })
        // The session's admin routes open to a token of its own (`adminToken`), as `surety serve`'s do.
        let adminToken = AdminDoor.generateToken()
        var served = ServeStack(mode: made.mode, checker: checker, log: log)
        served.door = .token(adminToken)
        served.resets = made.resets + [{ findings.reset() }]
        served.stubs = stubs
        served.journal = journal
        self.adminToken = adminToken
        self.id = UUID().uuidString.lowercased()
        self.mode = mode
        self.checker = checker
        self.journal = journal
        self.stubs = stubs
        self.emulator = made.emulator
        self.onViolation = onViolation
        self.findingLog = findings
        self.stack = served.assemble()
        self.baseURL = URL(string: "http://\(id).\(SessionRegistry.domain)")!
        self.urlSession = URLSession(configuration: Self.configuration(id: id))
        SessionRegistry.register(self)
    }

    deinit {
        SessionRegistry.remove(id)
        urlSession.finishTasksAndInvalidate()
    }

    /// A configuration whose requests this session answers, for a client that makes its own `URLSession`.
    public var configuration: URLSessionConfiguration { Self.configuration(id: id) }

    private static func configuration(id: String) -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.protocolClasses = [SuretyURLProtocol.self]
        configuration.httpAdditionalHeaders = [SessionRegistry.header: id]
        configuration.urlCache = nil
        return configuration
    }

    /// Answers a request in-process, through the whole stack, as the intercepted `URLSession` does.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        await stack.respond(to: request)
    }

    /// Restores the start: the emulator's fixtures, the replay's order, no stubs, an empty journal and no findings.
    public func reset() async {
        _ = await stack.respond(to: HTTPRequest(method: .post, target: SuretyRoutes.adminPrefix + "reset",
                                                headers: ["Authorization": "Bearer \(adminToken)"]))
    }
}
