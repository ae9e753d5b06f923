import Testing
import SuretyHTTPCore

@Suite struct HTTPLimitsTests {
    @Test func theDefaultsAreTheDocumentedValues() {
        let limits = HTTPLimits.default
        #expect(limits.maxRequestLineBytes == 8 * 1024)
        #expect(limits.maxHeaderBytes == 64 * 1024)
        #expect(limits.maxHeaderCount == 100)
        #expect(limits.maxBodyBytes == 16 * 1024 * 1024)
        #expect(limits.maxChunkLineBytes == 4 * 1024)
    }

    /// A request line of exactly `length` bytes, excluding CRLF.
    private func requestLine(length: Int) -> String {
        let fixed = "GET / HTTP/1.1".utf8.count
        return "GET /" + String(repeating: "a", count: length - fixed) + " HTTP/1.1"
    }

    @Test func aRequestLineExactlyAtMaxRequestLineBytesIsAccepted() {
        let line = requestLine(length: 8192)
        #expect(line.utf8.count == 8192)
        #expect(onlyRequest(events(line + "\r\nHost: a\r\n\r\n")) != nil)
    }

    @Test func aRequestLineOneByteOverMaxRequestLineBytesIsAnswered414() throws {
        let failure = try #require(onlyFailure(events(requestLine(length: 8193) + "\r\nHost: a\r\n\r\n")))
        #expect(failure.error == .requestLineTooLong(limit: 8192))
        #expect(failure.error.status.code == 414)
        #expect(failure.closes)
    }

    @Test func anOverlongRequestLineIsRefusedBeforeItsLineEndArrives() {
        var parser = HTTPRequestParser()
        let prefix = Array(requestLine(length: 8193).utf8.prefix(8192))
        #expect(parser.feed(prefix + [UInt8(ascii: "\r")]).isEmpty)
        var overParser = HTTPRequestParser()
        #expect(onlyFailure(overParser.feed(prefix + [UInt8(ascii: "a")]))?.error == .requestLineTooLong(limit: 8192))
    }

    /// A header section (lines with CRLFs, without the final empty line) of exactly `bytes` bytes.
    private func headerSection(bytes: Int) -> String {
        let host = "Host: a\r\n"
        let fill = bytes - host.utf8.count - "X-Fill: \r\n".utf8.count
        return host + "X-Fill: " + String(repeating: "f", count: fill) + "\r\n"
    }

    @Test func headersExactlyAtMaxHeaderBytesAreAccepted() {
        let section = headerSection(bytes: 65536)
        #expect(section.utf8.count == 65536)
        #expect(onlyRequest(events("GET / HTTP/1.1\r\n" + section + "\r\n")) != nil)
        #expect(onlyRequest(eventsBytewise(Array(("GET / HTTP/1.1\r\n" + section + "\r\n").utf8))) != nil)
    }

    @Test func headersOneByteOverMaxHeaderBytesAreAnswered431() throws {
        let failure = try #require(onlyFailure(events("GET / HTTP/1.1\r\n" + headerSection(bytes: 65537) + "\r\n")))
        #expect(failure.error == .headersTooLarge(limit: 65536))
        #expect(failure.error.status.code == 431)
        #expect(failure.closes)
    }

    @Test func oversizedHeadersAreRefusedBeforeTheirLineEndArrives() {
        var parser = HTTPRequestParser()
        let partial = Array(("GET / HTTP/1.1\r\n" + headerSection(bytes: 65537)).utf8.dropLast())  // ends with CR, LF still due
        #expect(onlyFailure(parser.feed(partial))?.error == .headersTooLarge(limit: 65536))
        var atLimit = HTTPRequestParser()
        #expect(atLimit.feed(Array(("GET / HTTP/1.1\r\n" + headerSection(bytes: 65536)).utf8.dropLast())).isEmpty)
    }

    @Test func trailersCountTowardsMaxHeaderBytes() {
        let limits = HTTPLimits(maxHeaderBytes: 64)
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"  // 9 + 28 = 37 bytes of fields
        let atLimit = head + "0\r\nT: " + String(repeating: "t", count: 27 - 5) + "\r\n\r\n"  // 27 more bytes
        #expect(onlyRequest(events(atLimit, limits: limits))?.trailers["T"] != nil)
        let over = head + "0\r\nT: " + String(repeating: "t", count: 28 - 5) + "\r\n\r\n"
        #expect(onlyFailure(events(over, limits: limits))?.error == .headersTooLarge(limit: 64))
    }

    /// A head with `count` header fields, Host included.
    private func head(fieldCount count: Int) -> String {
        "GET / HTTP/1.1\r\nHost: a\r\n" + (1..<count).map { "X-\($0): v\r\n" }.joined() + "\r\n"
    }

    @Test func exactlyMaxHeaderCountFieldsAreAccepted() {
        #expect(onlyRequest(events(head(fieldCount: 100)))?.headers.count == 100)
    }

    @Test func oneFieldOverMaxHeaderCountIsAnswered431() throws {
        let failure = try #require(onlyFailure(events(head(fieldCount: 101))))
        #expect(failure.error == .tooManyHeaders(limit: 100))
        #expect(failure.error.status.code == 431)
    }

    @Test func aContentLengthExactlyAtMaxBodyBytesIsAccepted() {
        let limit = 16 * 1024 * 1024
        var parser = HTTPRequestParser()
        #expect(parser.feed(Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(limit)\r\n\r\n".utf8)).isEmpty)
        let result = parser.feed([UInt8](repeating: 0x61, count: limit))
        #expect(onlyRequest(result)?.body.count == limit)
    }

    @Test func aContentLengthOneByteOverMaxBodyBytesIsAnswered413BeforeTheBody() throws {
        let failure = try #require(onlyFailure(events("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 16777217\r\n\r\n")))
        #expect(failure.error == .bodyTooLarge(limit: 16_777_216))
        #expect(failure.error.status.code == 413)
        #expect(failure.closes)
    }

    @Test func aChunkedBodyExactlyAtMaxBodyBytesIsAcceptedAndOneByteOverIs413() {
        let limits = HTTPLimits(maxBodyBytes: 20)
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        let atLimit = head + "a\r\n0123456789\r\na\r\n0123456789\r\n0\r\n\r\n"
        #expect(onlyRequest(events(atLimit, limits: limits))?.body.count == 20)
        let over = head + "a\r\n0123456789\r\nb\r\n0123456789X\r\n0\r\n\r\n"
        #expect(onlyFailure(events(over, limits: limits))?.error == .bodyTooLarge(limit: 20))
    }

    @Test func aChunkSizeLineExactlyAtMaxChunkLineBytesIsAcceptedAndOneByteOverIs400() {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        let atLimit = "1;x=" + String(repeating: "v", count: 4096 - 4)
        #expect(onlyRequest(events(head + atLimit + "\r\nA\r\n0\r\n\r\n"))?.body == [0x41])
        let failure = onlyFailure(events(head + atLimit + "v\r\nA\r\n0\r\n\r\n"))
        #expect(failure?.error == .chunkLineTooLong(limit: 4096))
        #expect(failure?.error.status.code == 400)
    }
}
