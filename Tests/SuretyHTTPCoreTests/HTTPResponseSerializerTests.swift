import Testing
import SuretyHTTPCore

@Suite struct HTTPResponseSerializerTests {
    private func text(_ response: HTTPResponse, _ context: HTTPResponseSerializer.Context = .init()) -> String {
        String(decoding: HTTPResponseSerializer().serialize(response, context: context), as: UTF8.self)
    }

    @Test func aResponseHasAStatusLineHeadersContentLengthAndBody() {
        let response = HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain", "X-A": "1", "x-a": "2"], body: Array("hi".utf8))
        #expect(text(response) == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-A: 1\r\nx-a: 2\r\nContent-Length: 2\r\n\r\nhi")
    }

    @Test func anEmptyBodyStillGetsContentLengthZero() {
        #expect(text(HTTPResponse(status: .notFound)) == "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
    }

    @Test(arguments: [100, 204, 304])
    func statusesWithoutContentGetNoContentLengthAndNoBody(code: Int) {
        let response = HTTPResponse(status: HTTPStatus(code: code), body: Array("ignored".utf8))
        #expect(text(response) == "HTTP/1.1 \(HTTPStatus(code: code))\r\n\r\n")
    }

    @Test func headResponsesKeepTheLengthButDropTheBody() {
        let response = HTTPResponse(body: Array("hello".utf8))
        #expect(text(response, .init(requestMethod: .head)) == "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n")
        let declared = HTTPResponse(headers: ["Content-Length": "42"])
        #expect(text(declared, .init(requestMethod: .head)) == "HTTP/1.1 200 OK\r\nContent-Length: 42\r\n\r\n")
    }

    @Test func responderFramingFieldsAreReplacedByTheSerializersOwn() {
        let response = HTTPResponse(
            headers: ["Content-Length": "999", "Transfer-Encoding": "chunked", "Connection": "upgrade", "Keep-Alive": "timeout=5"],
            body: Array("ok".utf8)
        )
        #expect(text(response) == "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
    }

    @Test func closingConnectionsSayConnectionClose() {
        #expect(text(HTTPResponse(), .init(closesConnection: true)) == "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    }

    @Test func persistentHTTP10ConnectionsSayKeepAlive() {
        #expect(text(HTTPResponse(), .init(requestVersion: .http1_0)) == "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n")
    }

    @Test func aDateFieldIsWrittenOnlyWhenGiven() {
        let date = "Sun, 06 Nov 1994 08:49:37 GMT"
        #expect(text(HTTPResponse(), .init(date: date)) == "HTTP/1.1 200 OK\r\nDate: \(date)\r\nContent-Length: 0\r\n\r\n")
        #expect(!text(HTTPResponse()).contains("Date"))
    }

    @Test func lineBreaksInFieldValuesCannotSplitTheResponse() {
        let response = HTTPResponse(headers: ["X-Evil": "a\r\nSet-Cookie: x", "Bad Name": "v"])
        #expect(text(response) == "HTTP/1.1 200 OK\r\nX-Evil: a  Set-Cookie: x\r\nContent-Length: 0\r\n\r\n")
    }

    @Test func unregisteredCodesGetAClassReasonPhrase() {
        #expect(text(HTTPResponse(status: 299)).hasPrefix("HTTP/1.1 299 Success\r\n"))
        #expect(text(HTTPResponse(status: HTTPStatus(code: 418, reasonPhrase: "I'm a teapot"))).hasPrefix("HTTP/1.1 418 I'm a teapot\r\n"))
    }

    @Test func writeHeadReportsWhetherTheBodyFollows() {
        var buffer: [UInt8] = []
        let serializer = HTTPResponseSerializer()
        #expect(serializer.writeHead(HTTPResponse(body: [1]), context: .init(), into: &buffer))
        #expect(!serializer.writeHead(HTTPResponse(body: [1]), context: .init(requestMethod: .head), into: &buffer))
        #expect(!serializer.writeHead(HTTPResponse(), context: .init(), into: &buffer))
    }

    @Test func theInterimContinueResponseIsComplete() {
        #expect(String(decoding: HTTPResponseSerializer.continueResponse, as: UTF8.self) == "HTTP/1.1 100 Continue\r\n\r\n")
    }
}
