import Foundation
import SuretyConformance
import SuretyHTTPCore

/// Forwards each request to an upstream responder, records the exchange with what the contract made of it, and
/// answers with the upstream's response unchanged.
///
/// Both directions are judged by one ``ExchangeChecker`` (requests that break the contract are still forwarded: the
/// upstream decides); the store redacts and writes the file atomically. A failed write never fails the request: it
/// goes to `onFailure` (the command prints it) and the response is returned all the same.
public struct RecordingResponder<Upstream: Responder>: Responder, ContextResponder {
    /// Where the response comes from, e.g. an `UpstreamClient`.
    public let upstream: Upstream
    /// Judges each exchange; nil records without a contract (no endpoint, no violations).
    public let checker: ExchangeChecker?
    /// Where exchanges are written.
    public let store: RecordingStore
    private let now: @Sendable () -> Date
    private let onFailure: @Sendable (RecordingStoreError) -> Void

    /// Creates a recording responder.
    ///
    /// - Parameters:
    ///   - upstream: The responder to forward to.
    ///   - checker: The contract's checker, or nil.
    ///   - store: The recordings folder (it owns the redaction).
    ///   - now: The clock for `timing.startedAt`; injected for deterministic tests.
    ///   - onFailure: Called with each write that failed.
    public init(upstream: Upstream, checker: ExchangeChecker?, store: RecordingStore, now: @escaping @Sendable () -> Date = { Date() },
                onFailure: @escaping @Sendable (RecordingStoreError) -> Void = { _ in }) {
        self.upstream = upstream
        self.checker = checker
        self.store = store
        self.now = now
        self.onFailure = onFailure
    }

    /// Forwards, records, and returns the upstream's response.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        await record(request, routing: nil)
    }

    /// The same as ``respond(to:)`` for a request a stack over the same contract has routed.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        await record(request, routing: context.routing)
    }

    private func record(_ request: HTTPRequest, routing: Routing?) async -> HTTPResponse {
        let startedAt = now()
        let clock = ContinuousClock()
        let start = clock.now
        let response = await upstream.respond(to: request)
        let elapsed = start.duration(to: clock.now)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let exchange = Exchange(request: request, response: response, checker: checker, routing: routing,
                                timing: Exchange.Timing(startedAt: startedAt, milliseconds: milliseconds))
        do {
            try store.write(exchange)
        } catch {
            onFailure(error)
        }
        return response
    }
}
