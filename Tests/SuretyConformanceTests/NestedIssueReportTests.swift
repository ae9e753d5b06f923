import SuretyConformance
import SuretyContracts
import SuretyJSON
import Testing

/// Every check report carries the nested issues of a `oneOf` violation.
@Suite struct NestedIssueReportTests {
    static let violation = Violation(
        part: .body, pointer: JSONPointer(tokens: ["0"]), rule: Violation.Rule(rawValue: "oneOf"), expected: "exactly one of A, B",
        actual: #"no branch matched; action "params" selects B with 1 issue(s)"#, schemaPath: "oneOf<A,B>[]",
        issues: [Violation(part: .body, pointer: JSONPointer(tokens: ["0", "effectiveTime"]), rule: .required,
                           expected: "property effectiveTime (datetime)", actual: "missing", schemaPath: "B.effectiveTime")])
    static let report = ConformanceReport(
        backend: "test", seed: 1, tenant: "", strict: false, negativeProbes: [], scenarios: [],
        results: [CheckResult(origin: .probe(extended: false), name: "valid", endpointID: "changePolicy", method: "PATCH",
                              target: "/change", status: 400, violations: [violation])],
        coverage: Coverage(endpoints: [], schemas: [], enums: []))
    static let nested = "↳ body /0/effectiveTime: required: expected property effectiveTime (datetime), got missing  [B.effectiveTime]"

    @Test func theTextReportPrintsTheNestedIssueUnderItsViolation() {
        #expect(TextReport().render(Self.report).contains("  [oneOf<A,B>[]]\n        " + Self.nested + "\n"))
    }

    @Test func theJSONReportNestsTheIssuesUnderTheViolation() throws {
        let value = try JSONParser().parse(Self.report.jsonBytes()).value()
        let violation = try #require(value["results"]?.arrayValue?.first?["violations"]?.arrayValue?.first)
        #expect(violation["issues"]?.arrayValue?.first?["pointer"]?.stringValue == "/0/effectiveTime")
    }

    @Test func theJUnitFailureListsTheNestedIssue() {
        #expect(JUnitReport.render(Self.report).contains("  " + Self.nested))
    }

    @Test func theGitHubAnnotationCarriesTheNestedIssueOnItsOwnLine() throws {
        let contract = Contract(documents: [], endpoints: [], schemas: .init())
        let line = try #require(GitHubAnnotations.render(Self.report, contract: contract).first)
        #expect(line.hasSuffix("got no branch matched; action \"params\" selects B with 1 issue(s)%0A" + Self.nested))
    }
}
