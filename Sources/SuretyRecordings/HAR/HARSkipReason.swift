/// Why a HAR entry is left out of an import: it is not the API's traffic (a summary counts them; none is an error).
public enum HARSkipReason: String, Sendable, Hashable, CaseIterable {
    /// A page, script, style sheet, image, font or media file that routes to no endpoint of the contract.
    case staticFile = "static file"
    /// A CORS preflight: `OPTIONS` with `Access-Control-Request-Method`.
    case preflight = "CORS preflight"
    /// A URL that is not http(s): `data:`, `blob:`, `ws:`, a browser extension's.
    case notHTTP = "not HTTP"
    /// No response was received (status 0: blocked, cancelled or failed).
    case noResponse = "without a response"
    /// A request to another host than the API's (`--host`, or the host most of the contract's entries go to).
    case otherHost = "for another host"

    /// `4 static files`, `1 CORS preflight`, `2 for another host`.
    func counted(_ count: Int) -> String {
        switch self {
        case .staticFile: return "\(count) static file\(count == 1 ? "" : "s")"
        case .preflight: return "\(count) CORS preflight\(count == 1 ? "" : "s")"
        case .notHTTP, .noResponse, .otherHost: return "\(count) \(rawValue)"
        }
    }
}
