import SuretyJSON
import Testing
@testable import SuretyRecordings

@Suite("A recording file reports every problem in one run, each located")
struct RecordingEveryProblemTests {
    @Test("three distinct problems are all reported as file:line:col: error: message [at /pointer]")
    func threeProblems() {
        let text = """
            {"format": 1, "endpoint": "fetchTerm",
             "request": {"method": 7, "path": "/x", "headers": []},
             "response": {"status": "200", "headers": [], "colour": "red"}}
            """
        #expect(issuesReading(text, as: "fetchTerm/1.json").map(\.description) == [
            #"fetchTerm/1.json:2:24: error: expected string, found number [at /request/method]"#,
            #"fetchTerm/1.json:3:25: error: expected a status code 100–599, found "200" [at /response/status]"#,
            #"fetchTerm/1.json:3:57: error: unknown member "colour" [at /response/colour]"#,
        ])
    }
}
