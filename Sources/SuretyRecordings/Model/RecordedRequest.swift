import SuretyHTTPCore

/// The request half of a recorded exchange: method, path, decoded query, header fields in order, and body.
public struct RecordedRequest: Sendable, Hashable {
    /// The method token as sent.
    public var method: HTTPMethod
    /// The path, still percent-encoded, without the query.
    public var path: String
    /// The query's pairs, percent-decoded, in the order sent.
    public var query: [HTTPQueryItem]
    /// The header fields in the order sent, duplicates kept.
    public var headers: HTTPFields
    /// The body.
    public var body: RecordedBody

    /// Creates a recorded request.
    public init(method: HTTPMethod, path: String, query: [HTTPQueryItem] = [], headers: HTTPFields = [:], body: RecordedBody = .empty) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Records a live request.
    public init(_ request: HTTPRequest) {
        self.init(method: request.method, path: request.path, query: request.queryItems, headers: request.headers,
                  body: RecordedBody(bytes: request.body))
    }

    /// The request-target rebuilt from the path and the query, each pair percent-encoded again.
    public var target: String {
        guard !query.isEmpty else { return path }
        return path + "?" + QueryEncoding.encode(query)
    }

    /// The request as it can be sent again (HTTP/1.1).
    public var httpRequest: HTTPRequest {
        HTTPRequest(method: method, target: target, headers: headers, body: body.bytes)
    }
}
