import SuretyHTTPCore
import Testing

/// The upstream response reader, fed bytes with no socket.
@Suite("reading an upstream's response")
struct HTTPResponseParserTests {
    func parse(_ text: String, method: HTTPMethod = .get, split: Int = 7) throws -> HTTPResponse? {
        var parser = HTTPResponseParser(method: method)
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            if let response = try parser.append(bytes[start..<min(bytes.count, start + split)]) { return response }
            start += split
        }
        return try? parser.finish()
    }

    @Test("Content-Length, chunked with extensions and trailers, and close-delimited bodies, fed a few bytes at a time")
    func framings() throws {
        #expect(try parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nA: 1\r\nA: 2\r\n\r\nhello")?.body == Array("hello".utf8))
        #expect(try parse("HTTP/1.1 200 OK\r\nA: 1\r\nA: 2\r\nContent-Length: 0\r\n\r\n")?.headers.values(for: "A") == ["1", "2"])
        let chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n1\r\n!\r\n0\r\nT: v\r\n\r\n"
        #expect(try parse(chunked)?.body == Array("hello!".utf8))
        #expect(try parse("HTTP/1.0 200 OK\r\n\r\nuntil close")?.body == Array("until close".utf8))
    }

    @Test("interim 100 responses are skipped; HEAD, 204 and 304 have no body")
    func noBody() throws {
        #expect(try parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")?.status.code == 201)
        #expect(try parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", method: .head)?.body == [])
        #expect(try parse("HTTP/1.1 204 No Content\r\n\r\n")?.status.code == 204)
    }

    @Test("a head at maxHeadBytes without its end waits for more; one byte over is tooLarge")
    func headLimit() throws {
        var atLimit = HTTPResponseParser(method: .get)
        let filler = [UInt8](repeating: UInt8(ascii: "a"), count: HTTPResponseParser.maxHeadBytes)
        #expect(try atLimit.append(filler) == nil)
        var over = HTTPResponseParser(method: .get)
        #expect(throws: HTTPResponseParser.Failure.tooLarge) { try over.append(filler + [UInt8(ascii: "a")]) }
    }

    @Test("a Content-Length of maxBodyBytes is awaited; one more is tooLarge before any body byte; truncation and junk are errors")
    func bodyLimitAndErrors() throws {
        var atLimit = HTTPResponseParser(method: .get)
        #expect(try atLimit.append(Array("HTTP/1.1 200 OK\r\nContent-Length: \(HTTPResponseParser.maxBodyBytes)\r\n\r\n".utf8)) == nil)
        #expect(throws: HTTPResponseParser.Failure.truncated) { try atLimit.finish() }
        var over = HTTPResponseParser(method: .get)
        #expect(throws: HTTPResponseParser.Failure.tooLarge) {
            try over.append(Array("HTTP/1.1 200 OK\r\nContent-Length: \(HTTPResponseParser.maxBodyBytes + 1)\r\n\r\n".utf8))
        }
        var junk = HTTPResponseParser(method: .get)
        #expect(throws: HTTPResponseParser.Failure.malformed) { try junk.append(Array("SSH-2.0\r\n\r\n".utf8)) }
    }
}
