/// Reads one HTTP/1.1 response from bytes fed as they arrive (RFC 9112 §4, §6): the proxy's and recorder's view of an
/// upstream's answer, with no socket in it.
///
/// Interim 1xx responses (but 101) are skipped; the body is framed by the request's method and the status (§6.3),
/// then `Transfer-Encoding: chunked`, `Content-Length`, or the end of the connection. Fields keep their order and
/// duplicates; chunk extensions and trailers are read and dropped.
public struct HTTPResponseParser: Sendable {
    /// The most bytes a response's head may have.
    public static let maxHeadBytes = 1 << 20
    /// The most bytes a response's body may have.
    public static let maxBodyBytes = 256 << 20

    /// Why the bytes are not one HTTP response.
    public enum Failure: Error, Sendable, Equatable {
        /// A malformed status line, field line, length or chunk.
        case malformed
        /// The head or the body passes its limit.
        case tooLarge
        /// The connection ended before the response did.
        case truncated
    }

    private enum Framing: Equatable { case none, length(Int), chunked, untilClose }

    private let isHead: Bool
    private var buffer: [UInt8] = []
    private var head: (status: HTTPStatus, headers: HTTPFields, framing: Framing)?

    /// A parser of the response to a request made with `method`.
    public init(method: HTTPMethod) {
        isHead = method == .head
    }

    /// Adds bytes; returns the response once it is complete, else nil.
    public mutating func append(_ bytes: some Collection<UInt8>) throws(Failure) -> HTTPResponse? {
        buffer.append(contentsOf: bytes)
        while head == nil {
            guard let end = Self.find([13, 10, 13, 10], in: buffer) else {
                guard buffer.count <= Self.maxHeadBytes else { throw .tooLarge }
                return nil
            }
            let parsed = try parseHead(Array(buffer[..<end]))
            buffer.removeFirst(end + 4)
            if (100..<200).contains(parsed.status.code), parsed.status.code != 101 { continue }  // interim: the next head follows
            head = parsed
        }
        guard let head else { return nil }
        switch head.framing {
        case .none: return HTTPResponse(status: head.status, headers: head.headers)
        case .length(let count):
            guard buffer.count >= count else { return nil }
            return HTTPResponse(status: head.status, headers: head.headers, body: Array(buffer.prefix(count)))
        case .chunked:
            // A whole chunked message ends with an empty line: only then is it worth decoding.
            guard buffer.count >= 5, buffer.suffix(4).elementsEqual([13, 10, 13, 10]) else { return nil }
            return try HTTPResponseParser.dechunk(buffer).map { HTTPResponse(status: head.status, headers: head.headers, body: $0) }
        case .untilClose:
            guard buffer.count <= Self.maxBodyBytes else { throw .tooLarge }
            return nil
        }
    }

    /// The response when the connection ends: a body framed by the close is complete; anything else is truncated.
    public func finish() throws(Failure) -> HTTPResponse {
        guard let head, head.framing == .untilClose else { throw .truncated }
        return HTTPResponse(status: head.status, headers: head.headers, body: buffer)
    }

    private func parseHead(_ bytes: [UInt8]) throws(Failure) -> (status: HTTPStatus, headers: HTTPFields, framing: Framing) {
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
        }
        let parts = lines[0].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3, let code = Int(parts[1]) else { throw .malformed }
        var headers = HTTPFields()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { throw .malformed }
            headers.append(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingOWS())
        }
        let status = HTTPStatus(code: code, reasonPhrase: parts.count > 2 ? String(parts[2]) : nil)
        if isHead || (100..<200).contains(code) || code == 204 || code == 304 { return (status, headers, .none) }  // §6.3
        if headers.values(for: "Transfer-Encoding").contains(where: { $0.lowercased().contains("chunked") }) { return (status, headers, .chunked) }
        if let text = headers["Content-Length"] {
            guard let count = Int(text), count >= 0 else { throw .malformed }
            guard count <= Self.maxBodyBytes else { throw .tooLarge }
            return (status, headers, .length(count))
        }
        return (status, headers, .untilClose)
    }
}

private extension Substring {
    func trimmingOWS() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
