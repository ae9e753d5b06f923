import Testing
import SuretyHTTPCore

@Suite struct HTTPRequestParserTests {
    @Test func aSimpleGetIsParsedIntoMethodTargetVersionAndHeaders() throws {
        let request = try #require(onlyRequest(events("GET /jobs?x=1 HTTP/1.1\r\nHost: api\r\nAccept: */*\r\n\r\n")))
        #expect(request.method == .get)
        #expect(request.target == "/jobs?x=1")
        #expect(request.path == "/jobs")
        #expect(request.version == .http1_1)
        #expect(request.headers["host"] == "api")
        #expect(request.headers.fields == [HTTPField(name: "Host", value: "api"), HTTPField(name: "Accept", value: "*/*")])
        #expect(request.body.isEmpty)
    }

    @Test func headerValuesAreTrimmedOfOptionalWhitespace() throws {
        let request = try #require(onlyRequest(events("GET / HTTP/1.1\r\nHost:   api \t\r\nX-Empty:\r\n\r\n")))
        #expect(request.headers["Host"] == "api")
        #expect(request.headers["X-Empty"] == "")
    }

    @Test func duplicateHeadersAreKeptInOrder() throws {
        let request = try #require(onlyRequest(events("GET / HTTP/1.1\r\nHost: a\r\nSet-Cookie: 1\r\nX: y\r\nset-cookie: 2\r\n\r\n")))
        #expect(request.headers.values(for: "Set-Cookie") == ["1", "2"])
        #expect(request.headers.map(\.name) == ["Host", "Set-Cookie", "X", "set-cookie"])
    }

    @Test func aContentLengthBodyIsReadExactly() throws {
        let request = try #require(onlyRequest(events("POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello")))
        #expect(request.method == .post)
        #expect(request.body == Array("hello".utf8))
    }

    @Test func anIncompleteBodyProducesNoEventUntilItArrives() {
        var parser = HTTPRequestParser()
        #expect(parser.feed(Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhel".utf8)).isEmpty)
        #expect(parser.phase == .body)
        let rest = parser.feed(Array("lo".utf8))
        #expect(onlyRequest(rest)?.body == Array("hello".utf8))
        #expect(parser.phase == .idle)
    }

    @Test func pipelinedRequestsComeOutInOrder() {
        let text = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
            + "PUT /3 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n"
            + "DELETE /4 HTTP/1.1\r\nHost: a\r\n\r\n"
        let targets = events(text).compactMap { event -> String? in
            guard case .request(let request) = event else { return nil }
            return "\(request.method) \(request.target) \(String(decoding: request.body, as: UTF8.self))"
        }
        #expect(targets == ["GET /1 ", "POST /2 abc", "PUT /3 xy", "DELETE /4 "])
    }

    @Test func feedingOneByteAtATimeGivesTheSameEventsAsOneChunk() {
        let text = "\r\nGET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
            + "PUT /3 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2;x=\"q\"\r\nxy\r\n10\r\n0123456789abcdef\r\n0\r\nT: 1\r\n\r\n"
            + "GET /4 HTTP/1.0\r\n\r\n"
        let whole = events(text)
        #expect(whole.count == 4)
        #expect(eventsBytewise(Array(text.utf8)) == whole)
    }

    @Test func emptyLinesBeforeTheRequestLineAreIgnored() throws {
        let request = try #require(onlyRequest(events("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")))
        #expect(request.target == "/")
    }

    @Test func bareLineFeedsAreAcceptedAsLineEnds() throws {
        let request = try #require(onlyRequest(events("GET / HTTP/1.1\nHost: a\n\n")))
        #expect(request.headers["Host"] == "a")
    }

    @Test func aHeadRequestIsParsedWithoutABody() throws {
        let request = try #require(onlyRequest(events("HEAD /x HTTP/1.1\r\nHost: a\r\n\r\n")))
        #expect(request.method == .head)
        #expect(request.body.isEmpty)
    }

    @Test func anUnknownMethodTokenIsKeptVerbatim() throws {
        let request = try #require(onlyRequest(events("PROPFIND /x HTTP/1.1\r\nHost: a\r\n\r\n")))
        #expect(request.method == HTTPMethod("PROPFIND"))
    }

    @Test func absoluteFormTargetsExposeTheirPathAndQuery() throws {
        let request = try #require(onlyRequest(events("GET http://example.com/a/b?c=d HTTP/1.1\r\nHost: example.com\r\n\r\n")))
        #expect(request.path == "/a/b")
        #expect(request.query == "c=d")
    }

    @Test func asteriskFormIsAcceptedForOptionsOnly() {
        #expect(onlyRequest(events("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"))?.target == "*")
        #expect(onlyFailure(events("GET * HTTP/1.1\r\nHost: a\r\n\r\n"))?.error == .invalidTarget)
    }

    @Test func phaseTracksHeadBodyAndIdle() {
        var parser = HTTPRequestParser()
        #expect(parser.phase == .idle)
        _ = parser.feed(Array("GET".utf8))
        #expect(parser.phase == .head)
        _ = parser.feed(Array(" / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n".utf8))
        #expect(parser.phase == .body)
        _ = parser.feed(Array("ok".utf8))
        #expect(parser.phase == .idle)
        #expect(parser.bufferedByteCount == 0)
    }
}
