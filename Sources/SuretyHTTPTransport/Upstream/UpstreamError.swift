import SuretyHTTPCore

/// Why forwarding a request upstream failed, with the gateway status a proxy answers with.
public enum UpstreamError: Error, Sendable, Hashable {
    /// The base URL and the request target do not form a valid URL.
    case invalidURL(String)
    /// No response arrived within the client's timeout.
    case timedOut
    /// The upstream could not be reached or dropped the connection; `code` is the `URLError` code.
    case connectionFailed(code: Int)
    /// The upstream answered with something that is not an HTTP response.
    case invalidResponse
    /// The forwarding task was cancelled.
    case cancelled
    /// Any other transport failure; `code` is the `URLError` code.
    case transport(code: Int)

    /// The status a proxy answers with: 504 for a timeout, 502 otherwise (RFC 9110 §15.6.3, §15.6.5).
    public var status: HTTPStatus {
        switch self {
        case .timedOut: .gatewayTimeout
        case .invalidURL, .connectionFailed, .invalidResponse, .cancelled, .transport: .badGateway
        }
    }

    /// A short description for an error body; never includes upstream bytes.
    public var title: String {
        switch self {
        case .invalidURL: "Invalid upstream URL"
        case .timedOut: "Upstream timed out"
        case .connectionFailed(let code): "Upstream unreachable (URLError \(code))"
        case .invalidResponse: "Upstream sent an invalid response"
        case .cancelled: "Upstream request cancelled"
        case .transport(let code): "Upstream transport failure (URLError \(code))"
        }
    }
}
