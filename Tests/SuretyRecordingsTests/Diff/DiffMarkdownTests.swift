import Foundation
import SuretyHTTPCore
import Testing
@testable import SuretyRecordings

/// The Markdown report groups repeated differences and stays within the size of a pull-request comment.
@Suite struct DiffMarkdownTests {
    typealias F = DiffFixture

    /// `count` policies whose name changed and whose premium became a string, all in one list.
    static func manyChanges(_ count: Int) -> DiffReport {
        let old = (0..<count).map { F.fetch(F.policyA, F.policy(F.policyA, name: "n\($0)")) }
        let new = (0..<count).map { F.fetch(F.policyA, F.policy(F.policyA, name: "m\($0)").replacingOccurrences(of: "120.5", with: "\"x\"")) }
        return F.diff(old, new)
    }

    @Test func repeatedDifferencesAreOneRowPerEndpointAndRuleWithACount() {
        let markdown = Self.manyChanges(500).markdown
        #expect(markdown.contains("| breaking | `type-changed` | 500 |"))
        #expect(markdown.contains("| compatible | `value-changed` | 500 |"))
        #expect(markdown.components(separatedBy: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| severity") }.count == 2)
    }

    @Test func aThousandDifferencesOnAThousandRoutesStayUnderTheBound() {
        let old = (0..<1000).map { F.exchange(HTTPRequest(method: .get, target: "/legacy/\($0)/" + String(repeating: "x", count: 60)), #"{"v":1}"#) }
        let new = (0..<1000).map { F.exchange(HTTPRequest(method: .get, target: "/legacy/\($0)/" + String(repeating: "x", count: 60)), #"{"v":2}"#) }
        let report = F.diff(old, new)
        #expect(report.differences.count == 1000)
        let markdown = report.markdown
        #expect(markdown.utf8.count <= DiffReport.maxMarkdownBytes)
        #expect(markdown.contains("not shown"))
    }

    @Test func aReportOfExactlyTheBoundIsWholeAndOneByteMoreIsCut() {
        let report = Self.manyChanges(3)
        let whole = report.markdown(maxBytes: Int.max)
        #expect(report.markdown(maxBytes: whole.utf8.count) == whole)
        let cut = report.markdown(maxBytes: whole.utf8.count - 1)
        #expect(cut != whole && cut.utf8.count <= whole.utf8.count - 1)
        #expect(cut.contains("not shown"))
    }
}
