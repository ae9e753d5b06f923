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

/// Statuses any endpoint may answer although no endpoint documents them.
///
/// The reference documents declare only `200` (`semantics.md` §4.3: the error catalogue is unpublished), yet a
/// backend must refuse bad requests somehow. Surety accepts these client-error statuses on every endpoint, with any
/// JSON body, and counts every other undocumented status, including every 5xx, as a `status` violation.
public enum ErrorConvention {
    /// The accepted client-error statuses and what each means.
    public static let statuses: [Int: String] = [
        400: "malformed request", 401: "missing or invalid token", 403: "missing permission or tenant",
        404: "unknown path or locator", 405: "method not allowed", 409: "conflicting state",
        413: "body too large", 415: "unsupported media type", 422: "operation not allowed in this state",
        429: "rate limited",
    ]

    /// Whether a status is one of the conventional errors.
    public static func accepts(_ status: Int) -> Bool { statuses[status] != nil }
}
