import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import Testing

/// Problem bodies and the violation log list a bounded number of violations, whatever the request body.
@Suite("bounded violation lists")
struct BoundedViolationListTests {
    static func violations(_ count: Int) -> [Violation] {
        (0..<count).map { Violation(part: .body, pointer: JSONPointer(tokens: [String($0)]), rule: Violation.Rule(rawValue: "type"),
                                    expected: "object", actual: "integer") }
    }

    @Test("a problem with maxListedViolations violations lists them all; with one more it lists as many and counts the rest")
    func problem() throws {
        let limit = Problem.maxListedViolations
        let at = try JSONParser().parse(Problem(status: .badRequest, title: "t", violations: Self.violations(limit)).response.body).value()
        #expect(at["violations"]?.arrayValue?.count == limit && at["violationsNotListed"] == nil)
        let over = try JSONParser().parse(Problem(status: .badRequest, title: "t", violations: Self.violations(limit + 1)).response.body).value()
        #expect(over["violations"]?.arrayValue?.count == limit && over["violationsNotListed"] == .integer(1))
    }

    @Test("a log entry keeps maxViolationsPerEntry violations; with one more it keeps as many and counts the rest")
    func log() {
        let limit = ViolationLog.maxViolationsPerEntry
        let log = ViolationLog()
        log.record(method: "PUT", target: "/a", endpointID: nil, status: 400, violations: Self.violations(limit))
        log.record(method: "PUT", target: "/a", endpointID: nil, status: 400, violations: Self.violations(limit + 1))
        let entries = log.snapshot().entries
        #expect(entries.map(\.violations.count) == [limit, limit])
        #expect(entries.map(\.notListed) == [0, 1])
        #expect(log.snapshot().violations == 2 * limit + 1)
    }
}
