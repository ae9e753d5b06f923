import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyJSON

/// The one assembly of what `surety serve` serves, driven by the mode: `serve` in every mode, `check`'s in-process
/// backend, SuretyTesting's sessions and the tests all build their stack here.
///
/// Layers, outermost first: the request log, CORS, the request journal, the admin routes (forwarded to an upstream
/// Surety server when there is one), the fault injector, contract validation, the pinned stubs, then the mode. The
/// top (``StackEntry``) routes each request once; each layer keeps the synchronous fast path when everything inside
/// it has one, so a mock without faults answers on the event-loop thread.
public struct ServeStack: Sendable {
    /// What the stack serves.
    public var mode: ServeMode
    /// The checker every layer judges with.
    public var checker: ExchangeChecker
    /// What invalid requests get; the mode's ``ServeMode/defaultPolicy`` unless set.
    public var policy: RequestPolicy
    /// Where violations go.
    public var log: ViolationLog
    /// Faults to inject; inactive plans add no layer.
    public var faults = FaultPlan()
    /// The seed of fault draws.
    public var seed: UInt64 = 0
    /// Who may use the admin routes; nil gives the emulator's door (its fixtures' admin tokens) or, in other modes,
    /// a generated token nobody knows. Behind the emulator, a door given here opens too.
    public var door: AdminDoor?
    /// What `GET /__surety/health` says besides what the mode adds.
    public var healthDetails: [JSONMember] = []
    /// Run on `POST /__surety/reset`, besides what the mode and the layers restore.
    public var resets: [@Sendable () -> Void] = []
    /// The request log's format and sink; nil for `--quiet`.
    public var requestLog: (format: RequestLogFormat, write: @Sendable (String) -> Void)?
    /// The secrets the request log never shows.
    public var secrets: SecretPolicy = .default
    /// The validation's memo of response verdicts; `POST /__surety/reset` empties it.
    public let verdicts = ResponseVerdictCache()
    /// The upstream Surety server of a proxy or recorder, to which the admin routes go (``AdminForwarder``); nil
    /// answers them here.
    public var adminUpstream: (any Responder)?
    /// Run-time stubs answered in front of the mode (`POST /__surety/stubs`); nil adds no layer.
    public var stubs: StubBoard?
    /// The request journal (`GET /__surety/requests`); nil adds no layer.
    public var journal: Journal?
    /// Which web pages of other origins may call the server; ``CORSPolicy/off`` adds no layer.
    public var cors: CORSPolicy = .off
    /// Receives what goes wrong outside an answer (a reset a journaled emulator could not write).
    public var warn: @Sendable (String) -> Void = { _ in }
    /// When the server started, for the health route's uptime.
    public var startedAt = Date()

    /// Describes a stack serving `mode`, judged by `checker`.
    public init(mode: ServeMode, checker: ExchangeChecker, log: ViolationLog = ViolationLog()) {
        self.mode = mode
        self.checker = checker
        self.log = log
        self.policy = mode.defaultPolicy
    }

    /// Builds the stack: one responder that routes each request once and hands its context down every layer.
    public func assemble() -> any Responder {
        var layered = mode.bottom()
        if let stubs { layered = Self.stubbed(layered, board: stubs) }
        layered = validated(layered)
        if faults.isActive { layered = faulted(layered) }
        layered = Self.administered(layered, context: adminContext())
        if let adminUpstream { layered = Self.forwarded(layered, to: adminUpstream) }
        if let journal { layered = Self.journaled(layered, in: journal) }
        if cors.isEnabled { layered = Self.crossOrigin(layered, policy: cors) }
        if let requestLog { layered = logged(layered, requestLog.format, requestLog.write) }
        return topped(layered)
    }
}
