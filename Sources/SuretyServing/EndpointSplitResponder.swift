import SuretyConformance
import SuretyHTTPCore

/// Sends requests for some endpoints to one responder and every other request to another.
///
/// `surety serve --emulate` uses it to answer the endpoints the emulator implements statefully and the rest from
/// the schema-driven mock, so that every endpoint of the contract answers.
public struct EndpointSplitResponder<Primary: Responder, Fallback: Responder>: Responder {
    /// Answers the endpoints in ``endpoints``.
    public let primary: Primary
    /// The endpoint ids the primary answers.
    public let endpoints: Set<String>
    /// Answers everything else.
    public let fallback: Fallback
    /// Finds each request's endpoint.
    public let checker: ExchangeChecker

    /// Creates the split.
    public init(primary: Primary, endpoints: Set<String>, fallback: Fallback, checker: ExchangeChecker) {
        self.primary = primary
        self.endpoints = endpoints
        self.fallback = fallback
        self.checker = checker
    }

    func goesToPrimary(_ request: HTTPRequest) -> Bool {
        guard case .routed(let routed) = checker.route(request) else { return true }
        return endpoints.contains(routed.endpoint.id)
    }

    /// Answers through the responder that owns the request's endpoint.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        goesToPrimary(request) ? await primary.respond(to: request) : await fallback.respond(to: request)
    }
}

extension EndpointSplitResponder: SynchronousResponder where Primary: SynchronousResponder, Fallback: SynchronousResponder {
    /// The same as ``respond(to:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        goesToPrimary(request) ? primary.respondSynchronously(to: request) : fallback.respondSynchronously(to: request)
    }
}
