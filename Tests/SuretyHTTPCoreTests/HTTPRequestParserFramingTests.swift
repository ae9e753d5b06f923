import Testing
import SuretyHTTPCore

@Suite struct HTTPRequestParserFramingTests {
    private let chunkedHead = "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"

    @Test func aChunkedBodyIsDecodedWithExtensionsAndTrailers() throws {
        let text = chunkedHead + "5;name=value;flag\r\nhello\r\n6 ; q=\"a \\\" b\"\r\n world\r\n0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n"
        let request = try #require(onlyRequest(events(text)))
        #expect(String(decoding: request.body, as: UTF8.self) == "hello world")
        #expect(request.trailers.fields == [HTTPField(name: "X-Checksum", value: "abc"), HTTPField(name: "X-Other", value: "1")])
        #expect(request.headers["X-Checksum"] == nil)
    }

    @Test func chunkSizesAreHexadecimalInEitherCase() throws {
        let request = try #require(onlyRequest(events(chunkedHead + "A\r\n0123456789\r\nb\r\n0123456789a\r\n000\r\n\r\n")))
        #expect(request.body.count == 21)
    }

    @Test(arguments: ["xyz", "", " 5", "5 5", "-1", "0x5", "+5", "5\u{0}"])
    func aMalformedChunkSizeIsAnswered400AndCloses(size: String) throws {
        let failure = try #require(onlyFailure(events(chunkedHead + size + "\r\nhello\r\n0\r\n\r\n")))
        #expect(failure.error == .invalidChunkSize)
        #expect(failure.error.status.code == 400)
        #expect(failure.closes)
    }

    @Test(arguments: ["5;", "5;=v", "5;n=", "5;n=\"open", "5;n=a b", "5;n=\"a\u{1}\""])
    func aMalformedChunkExtensionIsAnswered400(line: String) {
        #expect(onlyFailure(events(chunkedHead + line + "\r\nhello\r\n0\r\n\r\n"))?.error == .invalidChunkExtension)
    }

    @Test func aChunkSizeTooLargeForAnyIntegerIsAnswered413WithoutOverflow() {
        #expect(onlyFailure(events(chunkedHead + "FFFFFFFFFFFFFFFFFFFFFFFF\r\n"))?.error == .bodyTooLarge(limit: 16_777_216))
    }

    @Test func chunkDataLongerThanItsSizeIsAnswered400() {
        #expect(onlyFailure(events(chunkedHead + "5\r\nhelloXX\r\n0\r\n\r\n"))?.error == .invalidChunkTerminator)
    }

    @Test func bothContentLengthAndTransferEncodingAreRejected() throws {
        let failure = try #require(onlyFailure(events(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")))
        #expect(failure.error == .contentLengthWithTransferEncoding)
        #expect(failure.error.status.code == 400)
        #expect(failure.closes)
    }

    @Test func differingContentLengthsAreRejected() {
        let text = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"
        #expect(onlyFailure(events(text))?.error == .conflictingContentLength)
        #expect(onlyFailure(events("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 6\r\n\r\nhello!"))?.error == .conflictingContentLength)
    }

    @Test func identicalRepeatedContentLengthsAreAccepted() {
        #expect(onlyRequest(events("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello"))?.body.count == 5)
        #expect(onlyRequest(events("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 05\r\n\r\nhello"))?.body.count == 5)
    }

    @Test(arguments: ["+5", "-1", "abc", "", "5,", "5 5", "0x5"])
    func aMalformedContentLengthIsAnswered400(value: String) {
        #expect(onlyFailure(events("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\nhello"))?.error == .invalidContentLength)
    }

    @Test func anAbsurdContentLengthIsAnswered413() {
        #expect(onlyFailure(events("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n"))?.error
            == .bodyTooLarge(limit: 16_777_216))
    }

    @Test func aTransferCodingOtherThanChunkedIsAnswered501() throws {
        let failure = try #require(onlyFailure(events("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")))
        #expect(failure.error == .unsupportedTransferEncoding)
        #expect(failure.error.status.code == 501)
        #expect(failure.closes)
    }

    @Test(arguments: ["gzip", "chunked, gzip", "chunked, chunked", "identity"])
    func transferEncodingNotEndingInOneChunkedIsAnswered400(value: String) {
        #expect(onlyFailure(events("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(value)\r\n\r\n"))?.error == .invalidTransferEncoding)
    }

    @Test func transferEncodingSpreadOverTwoFieldLinesIsCombined() {
        let text = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(onlyFailure(events(text))?.error == .unsupportedTransferEncoding)
    }

    @Test func chunkedIsMatchedCaseInsensitively() {
        #expect(onlyRequest(events("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n"))?.body == [0x78])
    }

    @Test func transferEncodingInHTTP10IsRejected() {
        #expect(onlyFailure(events("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"))?.error == .transferEncodingInHTTP10)
    }

    @Test func afterAFramingErrorTheParserIgnoresFurtherInput() {
        var parser = HTTPRequestParser()
        let first = parser.feed(Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n".utf8))
        #expect(onlyFailure(first)?.error == .invalidContentLength)
        #expect(parser.feed(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8)).isEmpty)
        #expect(parser.phase == .failed)
    }
}
