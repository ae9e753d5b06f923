import SuretyConformance
import SuretyHTTPCore

/// Sends requests for some endpoints to one responder and every other request to another.
///
/// `surety serve --emulate` uses it to answer the endpoints the emulator implements statefully and the rest from
/// the schema-driven mock, so that every endpoint of the contract answers.
public struct EndpointSplitResponder<Primary: Responder, Fallback: Responder>: RoutedResponder {
    /// Answers the endpoints in ``endpoints``.
    public let primary: Primary
    /// The endpoint ids the primary answers.
    public let endpoints: Set<String>
    /// Answers everything else.
    public let fallback: Fallback
    /// Finds each request's endpoint.
    public let checker: ExchangeChecker
    private let primaryNext: InnerResponder<Primary>
    private let fallbackNext: InnerResponder<Fallback>

    /// Creates the split.
    public init(primary: Primary, endpoints: Set<String>, fallback: Fallback, checker: ExchangeChecker) {
        self.primary = primary
        self.endpoints = endpoints
        self.fallback = fallback
        self.checker = checker
        primaryNext = InnerResponder(primary)
        fallbackNext = InnerResponder(fallback)
    }

    func goesToPrimary(_ routing: Routing) -> Bool {
        guard case .routed(let routed) = routing else { return true }
        return endpoints.contains(routed.endpoint.id)
    }

    /// Answers through the responder that owns the request's endpoint.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        await respond(to: request, routing: checker.route(request))
    }

    /// The same as ``respond(to:)`` for a request already routed; the routing is passed on.
    public func respond(to request: HTTPRequest, routing: Routing) async -> HTTPResponse {
        goesToPrimary(routing)
            ? await primaryNext.respond(to: request, routing: routing)
            : await fallbackNext.respond(to: request, routing: routing)
    }
}

extension EndpointSplitResponder: SynchronousResponder, SynchronousRoutedResponder
where Primary: SynchronousResponder, Fallback: SynchronousResponder {
    /// The same as ``respond(to:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        respondSynchronously(to: request, routing: checker.route(request))
    }

    /// The same as ``respond(to:routing:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest, routing: Routing) -> HTTPResponse {
        goesToPrimary(routing)
            ? primaryNext.respondSynchronously(to: request, routing: routing)
            : fallbackNext.respondSynchronously(to: request, routing: routing)
    }
}
