import SuretyConformance
import SuretyEmulator
import SuretyHTTPCore

/// What a serve stack serves at its bottom, with what the mode adds to the admin routes; ``ServeStack`` assembles
/// every mode the same way.
public enum ServeMode: Sendable {
    /// The schema-driven mock.
    case mock(MockResponder)
    /// The emulator for the endpoints it implements and `mock` for the rest, behind the emulator's tokens; its admin
    /// routes (fixtures, clock), door and health come with it. `builtInFixtures` says the health may name the
    /// built-in tenant and tokens.
    case emulate(EmulatedBackend, mock: MockResponder, builtInFixtures: Bool)
    /// Recordings (with the mock or nothing behind them); `rewind` restarts their order on a reset.
    case replay(any ContextResponder, rewind: @Sendable () -> Void)
    /// A recorder in front of an upstream; requests that break the contract are forwarded (the upstream decides).
    case record(any ContextResponder)
    /// A validating proxy in front of an upstream; requests that break the contract are forwarded.
    case proxy(any Responder)
    /// Any other responder (SuretyTesting's stubs-only mode), under a mode name of its own.
    case custom(name: String, any ContextResponder, policy: RequestPolicy)

    /// The name `GET /__surety/health` gives the mode.
    public var name: String {
        switch self {
        case .mock: return "mock"
        case .emulate: return "emulator"
        case .replay: return "replay"
        case .record: return "record"
        case .proxy: return "proxy"
        case .custom(let name, _, _): return name
        }
    }

    /// What invalid requests get unless told otherwise: refused, but forwarded by a proxy or recorder.
    public var defaultPolicy: RequestPolicy {
        switch self {
        case .record, .proxy: return .forward
        case .custom(_, _, let policy): return policy
        case .mock, .emulate, .replay: return .reject
        }
    }

    /// The responder at the bottom of the stack, held as a stack's mode (its synchronous path kept).
    func bottom() -> any ContextResponder {
        switch self {
        case .mock(let mock): return mock
        case .emulate(let emulator, let mock, _): return EmulatorBackend.make(emulator, mock: mock)
        case .replay(let responder, _), .record(let responder): return responder
        case .custom(_, let responder, _): return responder
        case .proxy(let responder): return StackMode.contextual(responder)
        }
    }
}
