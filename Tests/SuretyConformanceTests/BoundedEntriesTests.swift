@testable import SuretyConformance
import SuretyHTTPCore
import Testing

@Suite("A bounded log keeps the newest entries up to its bound")
struct BoundedEntriesTests {
    func log(_ count: Int, bound: Int) -> BoundedEntries<Int> {
        var log = BoundedEntries<Int>(bound: bound)
        for entry in 1...count { log.append(entry) }
        return log
    }

    @Test("at the bound every entry is kept; one over drops the oldest; far past it the newest bound remain", arguments: [
        (3, [1, 2, 3]), (4, [2, 3, 4]), (6, [4, 5, 6]), (7, [5, 6, 7]), (100, [98, 99, 100]),
    ])
    func keepsTheNewest(count: Int, kept: [Int]) {
        #expect(Array(log(count, bound: 3).kept) == kept)
    }

    @Test("a bound of zero keeps nothing")
    func zero() {
        #expect(log(5, bound: 0).kept.isEmpty)
    }

    @Test("the violation log keeps its last maxEntries exchanges with violations, and finds them by sequence")
    func violationLogAtTheBound() {
        let log = ViolationLog(maxEntries: 2)
        let violation = Violation(part: .body, rule: .required, expected: "x", actual: "absent")
        for _ in 0..<3 { log.record(method: "GET", target: "/a", endpointID: nil, status: 200, violations: [violation]) }
        #expect(log.snapshot().entries.map(\.sequence) == [2, 3])
        #expect(log.entry(sequence: 1) == nil)
        #expect(log.entry(sequence: 3)?.sequence == 3)
        #expect(log.snapshot().exchanges == 3)
    }
}
