import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import SuretyTestSupport
import Testing

@Suite("Requests are judged by the contract")
struct ExchangeCheckerRequestTests {
    let checker = TestRepository.checker
    let tenant = "3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f"
    let locator = "01HZX3K4M5N6P7Q8R9S0T1V2W3"

    func verdict(_ method: HTTPMethod, _ target: String, body: String? = nil, contentType: String = "application/json") -> RequestVerdict {
        var headers = HTTPFields()
        if body != nil { headers["Content-Type"] = contentType }
        return checker.judge(HTTPRequest(method: method, target: target, headers: headers, body: Array((body ?? "").utf8)))
    }

    @Test("a valid request routes to its endpoint with no violations")
    func validRequest() {
        let result = verdict(.get, "/policy/\(tenant)/transactions/\(locator)")
        #expect(result.routed?.endpoint.id == "fetchTransaction")
        #expect(result.routed?.pathParameters["locator"] == locator)
        #expect(result.violations.isEmpty)
        #expect(result.problem == nil)
    }

    @Test("an unknown path is a 404 naming up to three nearest routes")
    func unknownPath() throws {
        let problem = try #require(verdict(.get, "/policy/\(tenant)/transaction/\(locator)").problem)
        #expect(problem.status.code == 404)
        #expect(problem.nearest.count == 3)
        #expect(problem.nearest.first?.contains("/transactions/") == true)
    }

    @Test("a known path with the wrong method is a 405 with Allow")
    func wrongMethod() throws {
        let problem = try #require(verdict(.delete, "/policy/\(tenant)/transactions/\(locator)").problem)
        #expect(problem.status.code == 405)
        #expect(problem.allow.contains("GET"))
        #expect(problem.response.headers["Allow"] == problem.allow.joined(separator: ", "))
    }

    @Test("malformed path parameters are 400 with one violation each, in the path")
    func malformedPath() throws {
        let problem = try #require(verdict(.get, "/policy/not-a-uuid/transactions/lower-case-nonsense").problem)
        #expect(problem.status.code == 400)
        #expect(problem.violations.map(\.part) == [.path, .path])
        #expect(problem.violations.map(\.pointer.description) == ["/tenantLocator", "/locator"])
        #expect(problem.violations.allSatisfy { $0.rule == .format })
    }

    @Test("query parameters are typed: an integer, a boolean")
    func typedQuery() throws {
        let target = "/policy/\(tenant)/policies/\(locator)/issuedTransactions/list?offset=ten&extended=maybe"
        let problem = try #require(verdict(.get, target).problem)
        #expect(problem.violations.map(\.pointer.description).sorted() == ["/extended", "/offset"])
        #expect(problem.violations.allSatisfy { $0.part == .query && $0.rule == .type })
    }

    @Test("a body that is not JSON gives a syntax violation with line and column")
    func malformedBody() throws {
        let problem = try #require(verdict(.patch, "/billing/\(tenant)/installments", body: "{\n  \"x\": ,\n}").problem)
        let violation = try #require(problem.violations.first)
        #expect(violation.part == .body)
        #expect(violation.rule == .syntax)
        #expect(violation.actual.hasPrefix("line 2, column 8"))
    }

    @Test("a body of the wrong shape reports every violation with its pointer")
    func wrongBody() throws {
        let problem = try #require(verdict(.patch, "/billing/\(tenant)/installments", body: #"{"installmentLocators": 5}"#).problem)
        #expect(problem.violations.contains { $0.part == .body && $0.pointer.description == "/installmentLocators" })
    }

    @Test("a body where the endpoint takes none is a violation")
    func unexpectedBody() throws {
        let problem = try #require(verdict(.get, "/policy/\(tenant)/transactions/\(locator)", body: "{}").problem)
        #expect(problem.violations.map(\.rule) == [.body])
    }

    @Test("a non-JSON content type on a body is reported against the header")
    func contentType() throws {
        let result = verdict(.patch, "/billing/\(tenant)/installments", body: "{}", contentType: "text/plain")
        #expect(result.violations.contains { $0.part == .header && $0.rule == .contentType && $0.actual == "text/plain" })
    }

    @Test("unknown query parameters are reported only in strict mode")
    func strictQuery() {
        let target = "/policy/\(tenant)/transactions/\(locator)?surprise=1"
        #expect(verdict(.get, target).violations.isEmpty)
        let strict = ExchangeChecker(contract: TestRepository.contract, options: .init(strict: true))
        let violations = strict.judge(HTTPRequest(method: .get, target: target)).violations
        #expect(violations.map(\.rule) == [.unknownParameter])
    }

    @Test("HEAD routes as GET")
    func head() {
        let result = verdict(.head, "/policy/\(tenant)/transactions/\(locator)")
        #expect(result.routed?.endpoint.id == "fetchTransaction")
        #expect(result.routed?.isHead == true)
    }

    @Test("the error shape round-trips through JSON")
    func problemRoundTrip() throws {
        let problem = try #require(verdict(.get, "/policy/bad/transactions/\(locator)").problem)
        let parsed = try #require(Problem(response: problem.response))
        #expect(parsed == problem)
        let text = String(decoding: problem.response.body, as: UTF8.self)
        #expect(text.hasPrefix(#"{"title":"Request violates the contract","status":400,"#))
        #expect(text.contains(#""violations":[{"in":"path","pointer":"/tenantLocator","rule":"format","#))
    }
}
