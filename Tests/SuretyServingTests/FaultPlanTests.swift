import SuretyJSON
import SuretyServing
import Testing

@Suite("Fault configs are read strictly, with the file and pointer of every mistake")
struct FaultPlanTests {
    let known: Set<String> = ["fetchTransaction", "fetchTerm"]

    func plan(_ text: String) throws(FaultPlanError) -> FaultPlan {
        try FaultPlan(json: try! JSONParser().parse(Array(text.utf8)).value(), file: "faults.json", knownEndpoints: known)
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

    @Test("each mistake names the pointer and says what was expected")
    func errors() {
        #expect(throws: FaultPlanError(file: "faults.json", pointer: "/endpoints/fetchTransactoin",
                                       reason: "unknown endpoint id; did you mean fetchTransaction?")) {
            try plan(#"{"endpoints": {"fetchTransactoin": {}}}"#)
        }
        #expect(throws: FaultPlanError(file: "faults.json", pointer: "/default/failRate", reason: "expected a number from 0 to 1")) {
            try plan(#"{"default": {"failRate": 2}}"#)
        }
        #expect(throws: FaultPlanError(file: "faults.json", pointer: "/default/failStatus", reason: "expected a 5xx status")) {
            try plan(#"{"default": {"failStatus": 404}}"#)
        }
        #expect(throws: FaultPlanError(file: "faults.json", pointer: "/extra", reason: "unknown key; expected default or endpoints")) {
            try plan(#"{"extra": 1}"#)
        }
    }
}
