import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import SuretyTestSupport
import Testing

@Suite("Responses are judged by the contract")
struct ExchangeCheckerResponseTests {
    let checker = TestRepository.checker
    let target = "/policy/3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W3/segment"

    func check(status: Int = 200, contentType: String? = "application/json", body: String, target: String? = nil) throws -> [Violation] {
        let request = HTTPRequest(method: .get, target: target ?? self.target)
        guard case .routed(let routed) = checker.route(request) else { throw CheckerTestError.unrouted }
        var headers = HTTPFields()
        if let contentType { headers["Content-Type"] = contentType }
        let response = HTTPResponse(status: HTTPStatus(code: status), headers: headers, body: Array(body.utf8))
        return checker.checkResponse(response, to: routed).violations
    }

    @Test("an undocumented success status is a status violation; a conventional 4xx is not")
    func statuses() throws {
        #expect(try check(status: 201, body: "{}").contains { $0.part == .status && $0.actual == "201" })
        #expect(try check(status: 404, body: #"{"title":"x","status":404}"#).isEmpty)
        #expect(try check(status: 500, body: "{}").map(\.rule) == [.status])
    }

    @Test("a body without a JSON content type is reported against the response header")
    func contentType() throws {
        let violations = try check(contentType: "text/html", body: "{}")
        #expect(violations.contains { $0.part == .responseHeader && $0.rule == .contentType && $0.actual == "text/html" })
        #expect(try check(contentType: nil, body: "{}").contains { $0.rule == .contentType && $0.actual == "absent" })
        #expect(!(try check(contentType: "application/problem+json; charset=utf-8", body: "{}").contains { $0.rule == .contentType }))
    }

    @Test("schema violations of the body carry the pointer, rule and schema path")
    func schemaViolations() throws {
        let violations = try check(body: #"{"locator": 12}"#)
        let locator = try #require(violations.first { $0.pointer.description == "/locator" })
        #expect(locator.part == .responseBody)
        #expect(locator.rule == .type)
        #expect(violations.contains { $0.rule == .required })
    }

    @Test("a truncated body is one syntax violation")
    func truncated() throws {
        let violations = try check(body: #"{"locator": "01H"#)
        #expect(violations.map(\.rule) == [.syntax])
    }

    @Test("an extended list answers the page; a plain one the bare array")
    func listShapes() throws {
        let list = "/policy/3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f/policies/01HZX3K4M5N6P7Q8R9S0T1V2W3/issuedTransactions/list"
        #expect(try check(body: "[]", target: list).isEmpty)
        #expect(try check(body: #"{"items":[],"listCompleted":true}"#, target: list + "?extended=true").isEmpty)
        #expect(try check(body: "[]", target: list + "?extended=true").map(\.rule) == [.type])
    }
}

enum CheckerTestError: Error {
    case unrouted
}
