import SuretyConformance
import SuretyHTTPCore

/// Sends requests for some endpoints to one responder and every other request to another, by the endpoint the
/// context routed it to.
///
/// `surety serve --emulate` uses it to answer the endpoints the emulator implements statefully and the rest from
/// the schema-driven mock, so that every endpoint of the contract answers.
public struct EndpointSplitResponder<Primary: ContextResponder, Fallback: ContextResponder>: ContextResponder {
    /// Answers the endpoints in ``endpoints``, and every request that did not route.
    public let primary: Primary
    /// The endpoint ids the primary answers.
    public let endpoints: Set<String>
    /// Answers everything else.
    public let fallback: Fallback

    /// Creates the split.
    public init(primary: Primary, endpoints: Set<String>, fallback: Fallback) {
        self.primary = primary
        self.endpoints = endpoints
        self.fallback = fallback
    }

    func goesToPrimary(_ context: RequestContext) -> Bool {
        guard let endpointID = context.endpointID else { return true }
        return endpoints.contains(endpointID)
    }

    /// Answers through the responder that owns the request's endpoint.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        goesToPrimary(context)
            ? await primary.respond(to: request, context: context)
            : await fallback.respond(to: request, context: context)
    }
}

extension EndpointSplitResponder: SynchronousContextResponder
where Primary: SynchronousContextResponder, Fallback: SynchronousContextResponder {
    /// Asks the responder that owns the request's endpoint, which needs the routing: both are asked.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool {
        primary.answersSynchronously(request) && fallback.answersSynchronously(request)
    }

    /// The same as ``respond(to:context:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        goesToPrimary(context)
            ? primary.respondSynchronously(to: request, context: context)
            : fallback.respondSynchronously(to: request, context: context)
    }
}
