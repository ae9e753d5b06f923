import Testing
import SuretyHTTPCore

@Suite struct HTTPRequestParserSyntaxTests {
    @Test func obsoleteLineFoldingIsRejected() throws {
        let failure = try #require(onlyFailure(events("GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n two\r\n\r\n")))
        #expect(failure.error == .obsoleteLineFolding(line: 3))
        #expect(failure.error.status.code == 400)
        #expect(failure.closes)
    }

    @Test func whitespaceBetweenTheRequestLineAndTheFirstFieldIsRejected() {
        #expect(onlyFailure(events("GET / HTTP/1.1\r\n Host: a\r\n\r\n"))?.error == .obsoleteLineFolding(line: 1))
    }

    @Test(arguments: ["Host : a", "Host\t: a"])
    func whitespaceBeforeTheColonIsRejected(line: String) {
        #expect(onlyFailure(events("GET / HTTP/1.1\r\n\(line)\r\n\r\n"))?.error == .whitespaceBeforeColon(line: 1))
    }

    @Test(arguments: ["Ho(st: a", "Hö: a", ": a", "Host a", "X\"Y: a", "X/Y: a"])
    func invalidFieldNamesAreRejected(line: String) {
        #expect(onlyFailure(events("GET / HTTP/1.1\r\nHost: a\r\n\(line)\r\n\r\n"))?.error == .invalidHeaderName(line: 2))
    }

    @Test(arguments: ["a\u{0}b", "a\rb", "a\u{7F}b", "a\u{1B}b"])
    func controlCharactersInFieldValuesAreRejected(value: String) {
        #expect(onlyFailure(events("GET / HTTP/1.1\r\nHost: a\r\nX: \(value)\r\n\r\n"))?.error == .invalidHeaderValue(line: 2))
    }

    @Test func obsTextAndTabsAreAllowedInFieldValues() throws {
        let request = try #require(onlyRequest(events("GET / HTTP/1.1\r\nHost: a\r\nX: caf\u{E9}\tok\r\n\r\n")))
        #expect(request.headers["X"] == "caf\u{E9}\tok")
    }

    @Test(arguments: ["G(T / HTTP/1.1", "GÉT / HTTP/1.1"])
    func invalidMethodCharactersAreRejected(line: String) {
        #expect(onlyFailure(events(line + "\r\nHost: a\r\n\r\n"))?.error == .invalidMethod)
    }

    @Test(arguments: ["GET  / HTTP/1.1", "GET /", "GET", " GET / HTTP/1.1"])
    func malformedRequestLinesAreRejected(line: String) {
        #expect(onlyFailure(events(line + "\r\nHost: a\r\n\r\n"))?.error == .invalidRequestLine)
    }

    @Test(arguments: ["HTTP/1.1x", "http/1.1", "HTTP/1", "HTTP/11.1", "HTTP/1.1 "])
    func malformedVersionsAreRejected(version: String) {
        #expect(onlyFailure(events("GET / \(version)\r\nHost: a\r\n\r\n"))?.error == .invalidVersion)
    }

    @Test(arguments: [(2, 0), (0, 9), (3, 1)])
    func majorVersionsOtherThanOneAreAnswered505(major: Int, minor: Int) throws {
        let failure = try #require(onlyFailure(events("GET / HTTP/\(major).\(minor)\r\nHost: a\r\n\r\n")))
        #expect(failure.error == .unsupportedVersion(HTTPVersion(major: major, minor: minor)))
        #expect(failure.error.status.code == 505)
    }

    @Test func aHigherMinorVersionIsAcceptedAsHTTP11() {
        #expect(onlyRequest(events("GET / HTTP/1.9\r\nHost: a\r\n\r\n"))?.keepAlive == true)
    }

    @Test(arguments: ["/a\u{1}b", "/caf\u{E9}", "relative/path", "*"])
    func anInvalidTargetIsAnswered400ButKeepsTheConnection(target: String) {
        var parser = HTTPRequestParser()
        let result = parser.feed(Array("GET \(target) HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nokGET /next HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(result.count == 2)
        #expect(result.first == .failure(.invalidTarget, closesConnection: false))
        if case .request(let next) = result.last { #expect(next.target == "/next") } else { Issue.record("no next request") }
    }
}
