import SuretyHTTPCore

/// The response half of a recorded exchange: status, header fields in order, and body.
public struct RecordedResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// The header fields in the order received, duplicates kept.
    public var headers: HTTPFields
    /// The body.
    public var body: RecordedBody

    /// Creates a recorded response.
    public init(status: Int, headers: HTTPFields = [:], body: RecordedBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Records a live response.
    public init(_ response: HTTPResponse) {
        self.init(status: response.status.code, headers: response.headers, body: RecordedBody(bytes: response.body))
    }

    /// The response as it is replayed: the same status, fields and body bytes.
    public var httpResponse: HTTPResponse {
        HTTPResponse(status: HTTPStatus(code: status), headers: headers, body: body.bytes)
    }
}
