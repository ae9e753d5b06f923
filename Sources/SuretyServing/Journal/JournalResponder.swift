import SuretyConformance
import SuretyHTTPCore

/// Writes every API exchange to a ``Journal`` (Surety's own `/__surety/` routes are not the client's, so they are
/// left out), with the endpoint the context routed it to; over a synchronous stack it keeps the synchronous path
/// (journaling is one short lock).
public struct JournalResponder<Inner: ContextResponder>: ContextResponder {
    /// Where exchanges go.
    public let journal: Journal
    /// The responder below.
    public let inner: Inner

    /// Journals what `inner` answers.
    public init(journal: Journal, inner: Inner) {
        self.journal = journal
        self.inner = inner
    }

    /// Answers through `inner` and journals the exchange.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        let response = await inner.respond(to: request, context: context)
        note(request, context, response)
        return response
    }

    func note(_ request: HTTPRequest, _ context: RequestContext, _ response: HTTPResponse) {
        guard !SuretyRoutes.isAdmin(request) else { return }
        journal.record(method: request.method.rawValue, target: request.target, endpointID: context.endpointID,
                       status: response.status.code)
    }
}

extension JournalResponder: SynchronousContextResponder where Inner: SynchronousContextResponder {
    /// Asks the layer below.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool { inner.answersSynchronously(request) }

    /// The same as ``respond(to:context:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        let response = inner.respondSynchronously(to: request, context: context)
        note(request, context, response)
        return response
    }
}
