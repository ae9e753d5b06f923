import Foundation
import SuretyHTTPCore
import SuretyJSON
import Testing
@testable import SuretyRecordings

/// Pretty-printed traffic diffs as compact traffic does: the same changes found, no change invented.
@Suite struct RecordingDiffWhitespaceTests {
    typealias F = DiffFixture

    /// A policy body pretty-printed, optionally ending with a newline.
    static func pretty(_ compact: String, newline: Bool = false) -> String {
        let value = (try? JSONParser().parse(Array(compact.utf8)).value()) ?? .null
        return JSONWriter(style: .pretty).string(value) + (newline ? "\n" : "")
    }

    @Test func compactAndPrettyOfTheSameTrafficHaveNoDifference() {
        let old = [F.fetch(F.policyA, F.policy(F.policyA)), F.list("[\(F.policy(F.policyA))]")]
        let new = [F.fetch(F.policyA, Self.pretty(F.policy(F.policyA))), F.list(Self.pretty("[\(F.policy(F.policyA))]", newline: true))]
        #expect(F.findings(old, new) == [])
    }

    @Test func prettyTrafficWithARequiredPropertyRemovedAndATypeChangedIsBreakingByProperty() {
        let changed = F.policy(F.policyA).replacingOccurrences(of: #""name":"Alice","#, with: "").replacingOccurrences(of: "120.5", with: "\"120.5\"")
        let report = F.diff([F.fetch(F.policyA, Self.pretty(F.policy(F.policyA)))], [F.fetch(F.policyA, Self.pretty(changed))])
        #expect(report.differences.map { "\($0.severity.rawValue) \($0.rule.rawValue) \($0.location)" } == [
            "breaking required-property-removed body /name", "breaking type-changed body /premium",
        ])
    }

    @Test func aTrailingNewlineAloneIsNoDifference() {
        #expect(F.findings([F.fetch(F.policyA, F.policy(F.policyA))], [F.fetch(F.policyA, F.policy(F.policyA) + "\n")]) == [])
    }

    @Test func aCharsetParameterOnPrettyJSONIsNoDifference() {
        let new = F.fetch(F.policyA, Self.pretty(F.policy(F.policyA)), contentType: "application/json; charset=UTF-8")
        #expect(F.findings([F.fetch(F.policyA, F.policy(F.policyA))], [new]) == [])
    }

    @Test func prettyTrafficKeepsItsJSONThroughRecordingFolders() async throws {
        let old = [F.fetch(F.policyA, F.policy(F.policyA))]
        let new = [F.fetch(F.policyA, Self.pretty(F.policy(F.policyA).replacingOccurrences(of: "120.5", with: "true"), newline: true))]
        let report = try await RecordingDiffGoldenTests.diffThroughFolders(old, new)
        #expect(report.differences.map { "\($0.rule.rawValue) \($0.location)" } == ["type-changed body /premium"])
    }
}
