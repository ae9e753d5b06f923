import Testing
import SuretyHTTPCore

@Suite struct HTTPRequestParserConnectionTests {
    @Test func http11KeepsTheConnectionAliveByDefault() {
        #expect(onlyRequest(events("GET / HTTP/1.1\r\nHost: a\r\n\r\n"))?.keepAlive == true)
    }

    @Test func connectionCloseEndsTheConnectionInAnyVersion() {
        #expect(onlyRequest(events("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"))?.keepAlive == false)
        #expect(onlyRequest(events("GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, CLOSE\r\n\r\n"))?.keepAlive == false)
        #expect(onlyRequest(events("GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n"))?.keepAlive == false)
    }

    @Test func http10ClosesUnlessTheClientAsksForKeepAlive() {
        #expect(onlyRequest(events("GET / HTTP/1.0\r\n\r\n"))?.keepAlive == false)
        #expect(onlyRequest(events("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"))?.keepAlive == true)
    }

    @Test func http10NeedsNoHost() {
        #expect(onlyRequest(events("GET / HTTP/1.0\r\n\r\n"))?.version == .http1_0)
    }

    @Test func aMissingHostInHTTP11IsAnswered400AndTheNextRequestIsStillParsed() {
        let result = events("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(result.count == 2)
        #expect(result.first == .failure(.missingHost, closesConnection: false))
        #expect(HTTPParseError.missingHost.status.code == 400)
        if case .request(let next) = result.last { #expect(next.target == "/b") } else { Issue.record("no next request") }
    }

    @Test func twoHostFieldsAreAnswered400() {
        #expect(onlyFailure(events("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"))?.error == .multipleHosts)
    }

    @Test func anInvalidHostValueIsAnswered400() {
        #expect(onlyFailure(events("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n"))?.error == .invalidHost)
        #expect(onlyRequest(events("GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n")) != nil)
        #expect(onlyRequest(events("GET / HTTP/1.1\r\nHost:\r\n\r\n")) != nil)
    }

    @Test func aRecoverableErrorOnANonPersistentRequestClosesTheConnection() {
        #expect(onlyFailure(events("GET / HTTP/1.1\r\nConnection: close\r\n\r\n"))?.closes == true)
    }

    @Test func expect100ContinueAsksForAnInterimResponseBeforeTheBody() {
        var parser = HTTPRequestParser()
        let head = parser.feed(Array("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 5\r\n\r\n".utf8))
        #expect(head == [.continueExpected])
        let rest = parser.feed(Array("hello".utf8))
        #expect(onlyRequest(rest)?.body == Array("hello".utf8))
        #expect(onlyRequest(rest)?.expectsContinue == true)
    }

    @Test func expect100ContinueIsSignalledForChunkedBodiesToo() {
        var parser = HTTPRequestParser()
        let head = parser.feed(Array("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
        #expect(head == [.continueExpected])
        #expect(onlyRequest(parser.feed(Array("1\r\nx\r\n0\r\n\r\n".utf8)))?.body == [0x78])
    }

    @Test func noInterimResponseIsNeededWhenTheBodyAlreadyArrived() {
        let result = events("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello")
        #expect(onlyRequest(result) != nil)
    }

    @Test func noInterimResponseIsNeededWithoutABody() {
        #expect(onlyRequest(events("GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n")) != nil)
    }

    @Test func expect100ContinueIsIgnoredInHTTP10() {
        var parser = HTTPRequestParser()
        #expect(parser.feed(Array("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n".utf8)).isEmpty)
    }

    @Test func anUnknownExpectationIsAnswered417AfterTheBody() {
        let result = events("POST / HTTP/1.1\r\nHost: a\r\nExpect: teapot\r\nContent-Length: 2\r\n\r\nhi")
        #expect(result == [.failure(.unsupportedExpectation, closesConnection: false)])
        #expect(HTTPParseError.unsupportedExpectation.status.code == 417)
    }
}
