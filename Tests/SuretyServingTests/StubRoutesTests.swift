import SuretyHTTPCore
import SuretyJSON
import SuretyServing
import SuretyTestSupport
import Testing

/// `POST /__surety/stubs` answering a stub it cannot read: the error shape, listing every problem with its pointer.
@Suite("POST /__surety/stubs lists every problem of a stub it cannot read")
struct StubRoutesTests {
    func post(_ text: String) throws -> (status: Int, body: JSONValue) {
        let route = try #require(StubRoutes.routes(board: StubBoard(), checker: TestRepository.checker)["POST /__surety/stubs"])
        let response = route(HTTPRequest(method: .post, target: "/__surety/stubs", body: Array(text.utf8)))
        return (response.status.code, try JSONParser().parse(response.body).value())
    }

    @Test("a stub with three problems is answered 400 with all three, each with line, column, pointer and message")
    func threeProblems() throws {
        let (status, body) = try post("""
            {"method": 7,
             "path": "/policy/*/transactions/{locator}",
             "response": {"status": "ok", "headers": {"Retry-After": 5}}}
            """)
        #expect(status == 400)
        #expect(body["title"] == "Stub not read")
        let problems = body["problems"]?.arrayValue ?? []
        #expect(problems.map { "\($0["line"]?.numberValue?.intValue ?? 0):\($0["column"]?.numberValue?.intValue ?? 0) \($0["pointer"]?.stringValue ?? "") \($0["message"]?.stringValue ?? "")" } == [
            "1:12 /method expected a string, found a number",
            "3:25 /response/status expected a status from 100 to 599, found a string",
            "3:58 /response/headers/Retry-After expected a string, found a number",
        ])
    }

    @Test("a body that is not JSON is one problem at the place the parser stopped")
    func notJSON() throws {
        let (status, body) = try post(#"{"method": "GET""#)
        #expect(status == 400)
        #expect(body["problems"]?.arrayValue?.count == 1)
        #expect(body["problems"]?[0]?["line"] == .integer(1))
    }
}
