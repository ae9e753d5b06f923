import SuretyHTTPCore
import SuretyJSON
import SuretyServing
import SuretyTestSupport
import Testing

/// Stub documents read through the located reader: every problem with its line, column and pointer, side by side
/// with the text that has it.
@Suite("Stub files report every problem with line, column and pointer")
struct StubFileTests {
    func problems(_ text: String) -> [String] {
        StubFile(bytes: Array(text.utf8), file: "s.json").diagnostics.map(\.description)
    }

    @Test("one stub with three problems gives all three, in file order")
    func threeProblemsInOneStub() {
        #expect(problems("""
            {"path": "policies",
             "times": 0, "delayMs": 60001}
            """) == [
                #"s.json:1:1: error: missing required key "method""#,
                #"s.json:1:10: error: expected a path pattern starting with /, found "policies" [at /path]"#,
                "s.json:2:11: error: expected a whole number of at least 1, found 0 [at /times]",
                "s.json:2:25: error: expected milliseconds from 0 to 60000, found 60001 [at /delayMs]",
            ])
    }

    @Test("in an array each stub's problems carry its index; unknown and repeated keys are problems too")
    func arrayPointers() {
        #expect(problems("""
            [{"method": "GET", "path": "/a", "respons": {}},
             {"method": "GET", "path": "/b", "response": {"headers": [], "status": 200, "status": 201}, "allowInvalid": "yes"}]
            """) == [
                #"s.json:1:34: error: unknown key "respons"; did you mean "response"? [at /0/respons]"#,
                "s.json:2:58: error: expected an object, found an array [at /1/response/headers]",
                #"s.json:2:77: error: duplicate key "status" [at /1/response/status]"#,
                "s.json:2:109: error: expected true or false, found a string [at /1/allowInvalid]",
            ])
    }

    @Test("a file that is not JSON is one problem where the parser stopped")
    func syntax() {
        #expect(problems(#"{"method": "GET","#) == ["s.json:1:18: error: unexpected end of input: expected a string key"])
    }

    @Test("a well-formed stub reads every member as before")
    func wellFormed() throws {
        let file = StubFile(bytes: Array("""
            [{"method": "get", "path": "/policy/*/x", "query": {"a": "1", "b": 2}, "body": {"k": true},
              "response": {"status": 201, "headers": {"X-A": "b"}, "body": {"ok": 1}}, "times": 2, "delayMs": 5, "allowInvalid": true}]
            """.utf8), file: "s.json")
        #expect(file.diagnostics.isEmpty)
        let entry = try #require(file.entries.first)
        #expect(entry.pointer == "/0")
        #expect(entry.position == TextPosition(line: 1, column: 2))
        let stub = entry.stub
        #expect(stub.method == "GET")
        #expect(stub.query == [HTTPQueryItem(name: "a", value: "1"), HTTPQueryItem(name: "b", value: "2")])
        #expect(stub.body == .object(["k": true]))
        #expect(stub.response.status.code == 201)
        #expect(stub.response.headers["X-A"] == "b")
        #expect(stub.response.headers["Content-Type"] == "application/json")
        #expect(stub.response.body == Array(#"{"ok":1}"#.utf8))
        #expect(stub.times == 2)
        #expect(stub.delay == .milliseconds(5))
        #expect(stub.allowInvalid)
        #expect(try Stub(bytes: Array(#"{"method": "GET", "path": "/"}"#.utf8), file: "b").response.status.code == 200)
    }

    @Test("a stub that breaks the contract is reported at its document unless it allows it")
    func violations() {
        let file = StubFile(bytes: Array("""
            [{"method": "GET", "path": "/policy/*/transactions/{locator}", "response": {"body": {"locator": "x"}}},
             {"method": "GET", "path": "/policy/*/transactions/{locator}", "response": {"status": 503}, "allowInvalid": true}]
            """.utf8), file: "s.json")
        let problems = file.problems(checker: TestRepository.checker)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.position == TextPosition(line: 1, column: 2) && $0.pointer == "/0" })
        #expect(file.entries.count == 2)
    }

    @Test("the admin route's single stub refuses an array and throws every problem")
    func single() {
        #expect(throws: Stub.ReadError.self) { try Stub(bytes: Array("[]".utf8), file: "b") }
        do {
            _ = try Stub(bytes: Array(#"{"method": 1, "path": 2}"#.utf8), file: "b")
        } catch {
            #expect(error.diagnostics.map(\.pointer) == ["/method", "/path"])
        }
    }
}
