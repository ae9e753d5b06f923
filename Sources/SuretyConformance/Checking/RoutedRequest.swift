import SuretyContracts
import SuretyHTTPCore

/// A request the contract recognised: its endpoint and the values it carries.
public struct RoutedRequest: Sendable {
    /// The endpoint the method and path route to.
    public var endpoint: Endpoint
    /// The path parameters, percent-decoded, by name.
    public var pathParameters: [String: String]
    /// The query's pairs, percent-decoded, in order.
    public var queryItems: [HTTPQueryItem]
    /// Whether the request was `HEAD` (routed as `GET`, answered without a body).
    public var isHead: Bool

    /// Creates a routed request.
    public init(endpoint: Endpoint, pathParameters: [String: String], queryItems: [HTTPQueryItem], isHead: Bool = false) {
        self.endpoint = endpoint
        self.pathParameters = pathParameters
        self.queryItems = queryItems
        self.isHead = isHead
    }

    /// The last value of a query parameter.
    public func query(_ name: String) -> String? {
        queryItems.last { $0.name == name }?.value
    }

    /// Whether the request asks for the extended page of a list (`extended=true`).
    public var wantsExtended: Bool { query("extended") == "true" }
}

/// What routing a request found.
public enum Routing: Sendable {
    /// The contract has the endpoint.
    case routed(RoutedRequest)
    /// No template fits the path; up to three nearest endpoints.
    case notFound(nearest: [Endpoint])
    /// The path exists with other methods.
    case methodNotAllowed(allowed: [String])
}
