import SuretyHTTPCore

/// One recording as replay keeps it: the file it came from and the response, ready to send.
///
/// Replay needs nothing else of an exchange once its key is computed, so the index holds this instead of the parsed
/// ``Exchange``: the response body is kept as the bytes that are sent (a JSON body written compactly once, at
/// load), not as a parsed tree. With 100,000 recordings that is the difference between about 5 KB and 1 KB each.
public struct ReplayRecording: Sendable, Hashable {
    /// The file, relative to the recordings folder: `fetchJob/000042-1a2b3c4d.json`.
    public var file: String
    /// The recorded response: the same status, fields and body bytes.
    public var response: HTTPResponse

    /// Creates a recording from its parts.
    public init(file: String, response: HTTPResponse) {
        self.file = file
        self.response = response
    }

    /// What replay keeps of a stored exchange.
    public init(_ stored: StoredExchange) {
        var response = stored.exchange.response.httpResponse
        response.body = Self.exactCopy(response.body)
        self.init(file: stored.file, response: response)
    }

    /// The bytes in storage of exactly their size (a writer's buffer grows by doubling, and keeps its spare room).
    static func exactCopy(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.capacity > bytes.count else { return bytes }
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = bytes.withUnsafeBufferPointer { buffer.initialize(from: $0).1 }
        }
    }
}
