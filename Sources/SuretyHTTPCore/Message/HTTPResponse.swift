/// An HTTP response: status, header fields and body.
///
/// Framing fields (`Content-Length`, `Transfer-Encoding`, `Connection`) are written by
/// ``HTTPResponseSerializer`` from the body and the connection's state; values set here are ignored.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code and reason phrase.
    public var status: HTTPStatus
    /// The header fields in order, duplicates kept.
    public var headers: HTTPFields
    /// The content bytes; not sent for HEAD requests or 1xx/204/304 statuses.
    public var body: [UInt8]

    /// Creates a response from its parts.
    public init(status: HTTPStatus = .ok, headers: HTTPFields = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Creates a response whose body is `bytes` labelled with `contentType`.
    public init(status: HTTPStatus = .ok, headers: HTTPFields = [:], contentType: String, body: [UInt8]) {
        var headers = headers
        headers["Content-Type"] = contentType
        self.init(status: status, headers: headers, body: body)
    }

    /// Creates a `text/plain; charset=utf-8` response from a string.
    public init(status: HTTPStatus = .ok, headers: HTTPFields = [:], text: String) {
        self.init(status: status, headers: headers, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }

    /// Creates an `application/json` response from already-encoded JSON text.
    public init(status: HTTPStatus = .ok, headers: HTTPFields = [:], jsonText: String) {
        self.init(status: status, headers: headers, contentType: "application/json", body: Array(jsonText.utf8))
    }
}
