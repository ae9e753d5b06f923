import SuretyHTTPCore
import SuretyServing
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The live sessions by id, so that the one `URLProtocol` class (protocol classes are global) can route each request
/// to the session that should answer it; sessions are held weakly and leave when they end.
///
/// A request names its session in the host of the session's ``SuretySession/baseURL`` (`<id>.surety.invalid`), or in
/// the ``header`` its configuration adds. The header alone is not enough everywhere: swift-corelibs-foundation (Linux)
/// adds `httpAdditionalHeaders` after the `URLProtocol` has the request, so there only the host carries the id.
public enum SessionRegistry {
    /// The header a session's configuration adds to each request; the interceptor removes it before the stack sees it.
    public static let header = "X-Surety-Session"
    /// The domain under which each session's base URL has its own host; `.invalid` never resolves (RFC 2606 §2).
    public static let domain = "surety.invalid"

    private struct Weak {
        weak var session: SuretySession?
    }

    private static let sessions = Locked<[String: Weak]>([:])

    static func register(_ session: SuretySession) {
        sessions.withLock { $0[session.id] = Weak(session: session) }
    }

    static func remove(_ id: String) {
        sessions.withLock { _ = $0.removeValue(forKey: id) }
    }

    /// The live session with `id`, if any.
    static func session(_ id: String) -> SuretySession? {
        sessions.withLock { $0[id]?.session }
    }

    /// The session id a request carries, in its header or its host, if any.
    static func sessionID(of request: URLRequest) -> String? {
        if let id = request.value(forHTTPHeaderField: header) { return id }
        guard let host = request.url?.host?.lowercased(), host.hasSuffix("." + domain) else { return nil }
        return String(host.dropLast(domain.count + 1))
    }
}
