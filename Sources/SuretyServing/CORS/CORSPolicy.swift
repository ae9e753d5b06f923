import Foundation
import SuretyConformance
import SuretyHTTPCore

/// Which web pages may call the server from another origin (CORS, the Fetch standard's protocol): none, any, or a
/// list. `surety serve` allows any origin when it listens on loopback, so a web app on another port can use the mock
/// or the emulator, and none otherwise unless `--cors ORIGIN` names them.
public struct CORSPolicy: Sendable, Hashable {
    /// The origins allowed; nil allows any.
    public var origins: Set<String>?
    /// Whether the policy allows anything at all.
    public var isEnabled: Bool

    /// No cross-origin request is answered with CORS headers.
    public static let off = CORSPolicy(origins: [], isEnabled: false)
    /// Every origin is allowed.
    public static let anyOrigin = CORSPolicy(origins: nil, isEnabled: true)

    /// Allows exactly `origins` (`https://app.example.com`, scheme, host and port as the browser sends them).
    public static func only(_ origins: [String]) -> CORSPolicy {
        CORSPolicy(origins: Set(origins), isEnabled: true)
    }

    /// How long a browser may keep a preflight's answer, in seconds (`Access-Control-Max-Age`).
    public static let maxAgeSeconds = 600
    /// The response header fields a page may read: Surety's own, which say what the contract thought.
    public static let exposedHeaders = [SuretyHeaders.violationCount, "Preference-Applied", "X-Surety-Undocumented-Status", "Location"]

    /// Whether a request from `origin` may be answered with CORS headers.
    public func allows(_ origin: String) -> Bool {
        isEnabled && (origins?.contains(origin) ?? true)
    }

    /// Whether a request with an `Origin` field comes from the server's own origin (its `Host`), as a browser's
    /// same-origin POST does; such a request is no cross-origin request.
    public static func isSameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let schemeEnd = origin.range(of: "://") else { return false }
        return origin[schemeEnd.upperBound...].lowercased() == host.lowercased()
    }
}
