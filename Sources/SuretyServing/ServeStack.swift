import SuretyConformance
import SuretyHTTPCore

/// Assembles the layers every `surety serve` mode shares, outermost first: the request log, CORS, the admin routes,
/// the fault injector, then contract validation around the mode's own responder.
///
/// Each layer keeps the synchronous fast path when everything inside it has one, so a mock without faults answers
/// on the event loop thread; latency makes the stack asynchronous, as it must.
public struct ServeStack: Sendable {
    /// The checker every layer routes with.
    public var checker: ExchangeChecker
    /// What invalid requests get.
    public var policy: RequestPolicy
    /// Where violations go.
    public var log: ViolationLog
    /// Faults to inject; inactive plans add no layer.
    public var faults: FaultPlan
    /// The seed of fault draws.
    public var seed: UInt64
    /// The admin routes' context.
    public var admin: AdminContext
    /// The request log's format and sink; nil for `--quiet`.
    public var requestLog: (format: RequestLogFormat, write: @Sendable (String) -> Void)?
    /// The secrets the request log never shows.
    public var secrets: SecretPolicy = .default
    /// The validation's memo of response verdicts; `POST /__surety/reset` empties it.
    public let verdicts: ResponseVerdictCache
    /// The upstream Surety server of a proxy or recorder, to which the admin routes go (``AdminForwarder``); nil
    /// answers them here.
    public var adminUpstream: (any Responder)?
    /// Run-time stubs answered in front of the mode (`POST /__surety/stubs`); nil adds no layer.
    public var stubs: StubBoard?
    /// The request journal (`GET /__surety/requests`); nil adds no layer.
    public var journal: Journal?
    /// Which web pages of other origins may call the server; ``CORSPolicy/off`` adds no layer.
    public var cors: CORSPolicy = .off

    /// Creates a stack description.
    public init(checker: ExchangeChecker, policy: RequestPolicy, log: ViolationLog,
                faults: FaultPlan = FaultPlan(), seed: UInt64 = 0, admin: AdminContext,
                requestLog: (format: RequestLogFormat, write: @Sendable (String) -> Void)?,
                verdicts: ResponseVerdictCache = ResponseVerdictCache()) {
        self.checker = checker
        self.policy = policy
        self.log = log
        self.faults = faults
        self.seed = seed
        self.admin = admin
        self.requestLog = requestLog
        self.verdicts = verdicts
    }

    /// Wraps the mode's responder in every layer.
    ///
    /// The outermost layer routes each request once and every layer below is handed that routing
    /// (``RoutedResponder``); the validation keeps its response verdicts in ``verdicts``.
    public func assemble(_ mode: some Responder) -> any Responder {
        guard let stubs else { return assembleOver(mode) }
        return assembleOver(StubResponder(board: stubs, inner: mode))
    }

    private func assembleOver(_ mode: some Responder) -> any Responder {
        let validated = ValidatingResponder(checker: checker, inner: mode, policy: policy, log: log, verdicts: verdicts)
        let faulted = faults.isActive ? withFaults(validated) : validated
        var administered = withAdmin(faulted, resetting: verdicts)
        if let adminUpstream { administered = AdminForwarder(inner: administered, upstream: adminUpstream) }
        if let journal { administered = ServeLayers.journal(administered, journal: journal, checker: checker) }
        let shared = cors.isEnabled ? withCORS(administered) : administered
        guard let requestLog else { return shared }
        return withLog(shared, requestLog.format, requestLog.write)
    }

    private func withCORS(_ inner: some Responder) -> any Responder {
        CORSResponder(inner: inner, policy: cors)
    }

    private func withFaults(_ inner: some Responder) -> any Responder {
        FaultInjector(inner: inner, plan: faults, checker: checker, seed: seed)
    }

    private func withAdmin(_ inner: some Responder, resetting verdicts: ResponseVerdictCache) -> any Responder {
        var context = admin
        context.resets.append { verdicts.reset() }
        if let stubs {
            context.routes.merge(StubRoutes.routes(board: stubs, checker: checker)) { $1 }
            context.resets.append { stubs.removeAll() }
        }
        if let journal {
            context.routes.merge(JournalRoutes.routes(journal: journal)) { $1 }
            context.resets.append { journal.reset() }
        }
        return AdminResponder(inner: inner, context: context)
    }

    private func withLog(_ inner: some Responder, _ format: RequestLogFormat,
                         _ write: @escaping @Sendable (String) -> Void) -> any Responder {
        RequestLogger(inner: inner, checker: checker, format: format, secrets: secrets, write: write)
    }
}
