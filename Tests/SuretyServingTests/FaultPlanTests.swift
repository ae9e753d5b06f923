import SuretyJSON
import SuretyServing
import Testing

@Suite("Fault configs are read strictly, with the file and pointer of every mistake")
struct FaultPlanTests {
    let known: Set<String> = ["fetchTransaction", "fetchTerm"]

    func plan(_ text: String) throws(FaultPlanError) -> FaultPlan {
        try FaultPlan(bytes: Array(text.utf8), file: "faults.json", knownEndpoints: known)
    }

    @Test("a default and per-endpoint faults are read; an endpoint's entry replaces the default")
    func valid() throws {
        let parsed = try plan(#"{"default": {"latency": 20}, "endpoints": {"fetchTerm": {"latency": "5-9", "failRate": 0.5, "failStatus": 503}}}"#)
        #expect(parsed.fault(for: "fetchTransaction") == FaultPlan.Fault(latency: 20...20))
        #expect(parsed.fault(for: "fetchTerm") == FaultPlan.Fault(latency: 5...9, failRate: 0.5, failStatus: 503))
        #expect(parsed.fault(for: nil) == parsed.defaultFault)
        #expect(parsed.isActive)
    }

    @Test("latency is MS or MIN-MAX within a minute", arguments: [("120", 120...120), ("50-200", 50...200), ("0", 0...0)])
    func latency(text: String, range: ClosedRange<Int>) {
        #expect(FaultPlan.parseLatency(text) == range)
    }

    @Test("bad latencies are refused", arguments: ["", "-5", "200-50", "1-2-3", "fast", "60001"])
    func badLatency(text: String) {
        #expect(FaultPlan.parseLatency(text) == nil)
    }

    /// The one problem `text` has, as `line:col message [at pointer]`.
    func problems(_ text: String) -> [String] {
        do {
            _ = try plan(text)
            return []
        } catch {
            return error.diagnostics.map { "\($0.position?.description ?? "-") \($0.message) [at \($0.pointer?.description ?? "")]" }
        }
    }

    @Test("each mistake names its line, column and pointer and says what was expected")
    func errors() {
        #expect(problems(#"{"endpoints": {"fetchTransactoin": {}}}"#)
                == ["1:16 unknown endpoint id; did you mean fetchTransaction? [at /endpoints/fetchTransactoin]"])
        #expect(problems(#"{"default": {"failRate": 2}}"#) == ["1:26 expected a number from 0 to 1 [at /default/failRate]"])
        #expect(problems(#"{"default": {"failStatus": 404}}"#) == ["1:28 expected a 5xx status [at /default/failStatus]"])
        #expect(problems(#"{"extra": 1}"#) == ["1:2 unknown key; expected default or endpoints [at /extra]"])
        #expect(problems(#"{"default": {"latency": "soon"}}"#) == [#"1:25 expected milliseconds, 120 or "50-200" [at /default/latency]"#])
        #expect(problems("[]") == ["1:1 expected an object with default and endpoints [at ]"])
        #expect(problems("{") == ["1:2 unexpected end of input: expected a key or '}' [at ]"])
    }

    @Test("every mistake of a file is reported in one run, in file order, as file:line:col: error: message [at /pointer]")
    func everyMistake() {
        let text = """
            {"default": {"failRate": 2, "latency": "200-50"},
             "endpoints": {"fetchTransactoin": {}, "fetchTerm": {"failStatus": 404, "retries": 3}}}
            """
        #expect(throws: FaultPlanError(diagnostics: [
            Diagnostic(.error, file: "faults.json", position: .init(line: 1, column: 26), message: "expected a number from 0 to 1",
                       pointer: "/default/failRate"),
            Diagnostic(.error, file: "faults.json", position: .init(line: 1, column: 40), message: #"expected milliseconds, 120 or "50-200""#,
                       pointer: "/default/latency"),
            Diagnostic(.error, file: "faults.json", position: .init(line: 2, column: 16),
                       message: "unknown endpoint id; did you mean fetchTransaction?", pointer: "/endpoints/fetchTransactoin"),
            Diagnostic(.error, file: "faults.json", position: .init(line: 2, column: 68), message: "expected a 5xx status",
                       pointer: "/endpoints/fetchTerm/failStatus"),
            Diagnostic(.error, file: "faults.json", position: .init(line: 2, column: 73),
                       message: "unknown key; expected latency, failRate or failStatus", pointer: "/endpoints/fetchTerm/retries"),
        ])) {
            try plan(text)
        }
    }

    @Test("a key repeated in one object is reported at the repetition, not silently replaced")
    func repeatedKey() {
        let found = problems(#"{"default": {"latency": 20, "latency": 30}}"#)
        #expect(found.count == 1)
        #expect(found.first?.contains("latency") == true, "\(found)")
    }
}
