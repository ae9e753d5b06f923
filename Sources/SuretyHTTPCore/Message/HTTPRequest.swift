/// A complete HTTP request: start line, header fields, body and any chunked trailers.
///
/// The body is `[UInt8]` rather than `Data` so that this module needs nothing beyond the standard
/// library; `Data(request.body)` and `Array(data)` convert in one copy where Foundation is in use.
public struct HTTPRequest: Sendable, Hashable {
    /// The method token (RFC 9112 §3.1).
    public var method: HTTPMethod
    /// The request-target exactly as received: origin-form `/path?query`, absolute-form, authority-form or `*` (RFC 9112 §3.2).
    public var target: String {
        didSet { parts = TargetParts(target) }
    }
    /// The protocol version from the request line.
    public var version: HTTPVersion
    /// The header fields in received order, duplicates kept.
    public var headers: HTTPFields
    /// The body with any chunked framing removed; empty when the request had none.
    public var body: [UInt8]
    /// The trailer fields of a chunked body (RFC 9112 §7.1.2), kept apart from `headers` (RFC 9110 §6.5.1).
    public var trailers: HTTPFields
    /// `target` split into path and query once, when it is set: every layer of a server asks for the path.
    private var parts: TargetParts

    /// Creates a request.
    public init(
        method: HTTPMethod = .get,
        target: String = "/",
        version: HTTPVersion = .http1_1,
        headers: HTTPFields = [:],
        body: [UInt8] = [],
        trailers: HTTPFields = [:]
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.trailers = trailers
        parts = TargetParts(target)
    }

    /// The path of the target, still percent-encoded so that `%2F` stays distinguishable from `/`.
    ///
    /// For absolute-form targets (`http://host/p?q`) this is the path part (`/p`, or `/` when empty);
    /// for `*` and authority-form it is the whole target.
    public var path: String { parts.path }

    /// The raw query after `?`, still percent-encoded, or `nil` when the target has none.
    public var query: String? { parts.query }

    /// The query's `name=value` pairs, percent-decoded, in the order they appear.
    public var queryItems: [HTTPQueryItem] {
        guard let query else { return [] }
        return HTTPQueryItem.parse(query: query)
    }

    /// The path split on `/`, each segment percent-decoded; `/a/b%2Fc` gives `["a", "b/c"]`.
    public var pathSegments: [String] {
        path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map {
            PercentDecoding.decode($0, plusIsSpace: false)
        }
    }

    /// Whether the connection persists after this request's response (RFC 9112 §9.3).
    ///
    /// `Connection: close` always closes; HTTP/1.1 and later persist by default; HTTP/1.0 persists
    /// only with `Connection: keep-alive` (RFC 9112 §9.3, Appendix C.2.2).
    public var keepAlive: Bool {
        if headers.containsToken("close", in: "Connection") { return false }  // RFC 9112 §9.6
        if version >= .http1_1 { return true }  // RFC 9112 §9.3: 1.1 persists by default
        return headers.containsToken("keep-alive", in: "Connection")  // RFC 9112 Appendix C.2.2
    }

    /// Whether the client sent `Expect: 100-continue` on HTTP/1.1 or later (RFC 9110 §10.1.1).
    public var expectsContinue: Bool {
        version >= .http1_1 && headers["Expect"].map { HTTPFields.namesEqual($0, "100-continue") } == true
    }
}

/// A request-target's path and query, split on the first `?` of its origin form.
private struct TargetParts: Sendable, Hashable {
    let path: String
    let query: String?

    init(_ target: String) {
        var origin = Self.originForm(of: target)
        let question = origin.withUTF8 { $0.firstIndex(of: UInt8(ascii: "?")) }  // contiguous bytes: no index checks
        guard let question else {
            path = String(origin)
            query = nil
            return
        }
        let utf8 = origin.utf8
        let cut = utf8.index(utf8.startIndex, offsetBy: question)
        path = String(origin[..<cut])
        query = String(origin[utf8.index(after: cut)...])
    }

    /// The origin-form part of the target: absolute-form is reduced to its path and query.
    private static func originForm(of target: String) -> Substring {
        guard target.utf8.first != UInt8(ascii: "/"), let scheme = target.firstRange(of: "://") else { return target[...] }
        let afterAuthority = target[scheme.upperBound...]
        guard let slash = afterAuthority.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
        let rest = afterAuthority[slash...]
        return rest.hasPrefix("?") ? ("/" + rest)[...] : rest
    }
}
