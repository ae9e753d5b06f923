import SuretyConformance
import SuretyHTTPCore

/// Writes every API exchange to a ``Journal`` (Surety's own `/__surety/` routes are not the client's, so they are
/// left out); it takes the routing found above it and hands it on, and over a synchronous stack it keeps the
/// synchronous path (journaling is one short lock).
public struct JournalResponder<Inner: Responder>: RoutedResponder {
    /// Where exchanges go.
    public let journal: Journal
    /// Routes each request it is not handed the routing of.
    public let checker: ExchangeChecker
    /// The responder below.
    public let inner: Inner
    private let next: InnerResponder<Inner>

    /// Journals what `inner` answers.
    public init(journal: Journal, checker: ExchangeChecker, inner: Inner) {
        self.journal = journal
        self.checker = checker
        self.inner = inner
        next = InnerResponder(inner)
    }

    /// Routes, answers through `inner` and journals the exchange.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        await respond(to: request, routing: checker.route(request))
    }

    /// Answers through `inner`, handing it the routing, and journals the exchange.
    public func respond(to request: HTTPRequest, routing: Routing) async -> HTTPResponse {
        let response = await next.respond(to: request, routing: routing)
        note(request, routing, response)
        return response
    }

    func note(_ request: HTTPRequest, _ routing: Routing, _ response: HTTPResponse) {
        guard !SuretyRoutes.isAdmin(request) else { return }
        var endpointID: String?
        if case .routed(let routed) = routing { endpointID = routed.endpoint.id }
        journal.record(method: request.method.rawValue, target: request.target, endpointID: endpointID, status: response.status.code)
    }
}

extension JournalResponder: SynchronousResponder, SynchronousRoutedResponder where Inner: SynchronousResponder {
    /// Asks the layer below.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool { inner.answersSynchronously(request) }

    /// The same as ``respond(to:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        respondSynchronously(to: request, routing: checker.route(request))
    }

    /// The same as ``respond(to:routing:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest, routing: Routing) -> HTTPResponse {
        let response = next.respondSynchronously(to: request, routing: routing)
        note(request, routing, response)
        return response
    }
}
