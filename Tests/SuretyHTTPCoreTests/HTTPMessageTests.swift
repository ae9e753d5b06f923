import Testing
import SuretyHTTPCore

@Suite struct HTTPMessageTests {
    @Test func fieldLookupIgnoresCaseAndKeepsTheFirstValue() {
        let fields: HTTPFields = ["Content-Type": "a", "content-type": "b"]
        #expect(fields["CONTENT-TYPE"] == "a")
        #expect(fields.values(for: "Content-Type") == ["a", "b"])
        #expect(fields.combinedValue(for: "content-type") == "a, b")
    }

    @Test func settingAFieldReplacesEveryDuplicateInPlace() {
        var fields: HTTPFields = ["A": "1", "B": "2", "a": "3"]
        fields["a"] = "x"
        #expect(fields.fields == [HTTPField(name: "A", value: "x"), HTTPField(name: "B", value: "2")])
        fields["A"] = nil
        #expect(fields.fields == [HTTPField(name: "B", value: "2")])
    }

    @Test func tokensAreFoundInCommaSeparatedLists() {
        let fields: HTTPFields = ["Connection": "keep-alive , Upgrade", "Connection": "TE"]
        #expect(fields.containsToken("upgrade", in: "connection"))
        #expect(fields.containsToken("te", in: "Connection"))
        #expect(!fields.containsToken("close", in: "Connection"))
    }

    @Test func queryItemsAreDecodedInOrder() {
        let request = HTTPRequest(target: "/s?b=2&a=%C3%A9+x&flag&&a=last&bad=%zz")
        #expect(request.queryItems == [
            HTTPQueryItem(name: "b", value: "2"), HTTPQueryItem(name: "a", value: "é x"),
            HTTPQueryItem(name: "flag", value: nil), HTTPQueryItem(name: "a", value: "last"),
            HTTPQueryItem(name: "bad", value: "%zz"),
        ])
    }

    @Test func thePathStaysEncodedAndSegmentsAreDecoded() {
        let request = HTTPRequest(target: "/a/b%2Fc/d%20e?q")
        #expect(request.path == "/a/b%2Fc/d%20e")
        #expect(request.pathSegments == ["a", "b/c", "d e"])
        #expect(request.query == "q")
        #expect(HTTPRequest(target: "/p").query == nil)
    }

    @Test func statusesCompareByCode() {
        #expect(HTTPStatus(code: 404, reasonPhrase: "Nope") == .notFound)
        #expect(HTTPStatus.notFound.reasonPhrase == "Not Found")
        #expect(HTTPStatus.contentTooLarge.description == "413 Content Too Large")
    }

    @Test func datesAreFormattedAsIMFFixdate() {
        #expect(HTTPDate.format(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(secondsSince1970: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(secondsSince1970: 951_782_400) == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(HTTPDate.format(secondsSince1970: 1_735_689_599) == "Tue, 31 Dec 2024 23:59:59 GMT")
    }

    @Test func responderConveniencesSetTheContentType() async {
        let responder = SynchronousCallbackResponder { request in HTTPResponse(text: request.path) }
        let response = await responder.respond(to: HTTPRequest(target: "/x?y"))
        #expect(response.body == Array("/x".utf8))
        #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
    }
}
