import SuretyContracts
import SuretySchemas
import SuretyHTTPCore

extension Router {
    /// Routes a request, `HEAD` as `GET` (RFC 9110 §9.3.2): the one place a request becomes a ``Routing``.
    public func routing(of request: HTTPRequest) -> Routing {
        let isHead = request.method == .head
        switch route(method: request.routingMethod, path: request.path) {
        case .endpoint(let endpoint, let parameters):
            return .routed(RoutedRequest(endpoint: endpoint, pathParameters: parameters, queryItems: request.queryItems, isHead: isHead))
        case .methodNotAllowed(let allowed):
            return .methodNotAllowed(allowed: allowed.contains("GET") ? (allowed + ["HEAD"]).sorted() : allowed)
        case .notFound(let nearest):
            return .notFound(nearest: nearest)
        }
    }
}

extension Routing {
    /// The 404 (with the nearest routes) or 405 (with `Allow`) a request without an endpoint gets; nil when it routed.
    public func problem(for request: HTTPRequest) -> Problem? {
        switch self {
        case .routed: return nil
        case .notFound(let nearest):
            return Problem(status: .notFound, title: "No such route",
                           detail: "No endpoint of the contract has the path \(ValidationIssue.bounded(request.path)).",
                           nearest: nearest.map(\.route))
        case .methodNotAllowed(let allowed):
            return Problem(status: .methodNotAllowed, title: "Method not allowed",
                           detail: "\(ValidationIssue.bounded(request.method.rawValue)) is not defined for this path.", allow: allowed)
        }
    }
}

extension HTTPRequest {
    /// The method a request is routed by: `HEAD` as `GET` (RFC 9110 §9.3.2), every other as itself.
    public var routingMethod: String { method == .head ? "GET" : method.rawValue }
}
