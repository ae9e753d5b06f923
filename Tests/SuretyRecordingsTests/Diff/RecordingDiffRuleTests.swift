import Foundation
import Testing
@testable import SuretyRecordings

/// Each classification rule, from a pair of exchanges to the rule that fires.
@Suite struct RecordingDiffRuleTests {
    typealias F = DiffFixture

    @Test func identicalRecordingsHaveNoDifference() {
        let exchanges = [F.fetch(F.policyA, F.policy(F.policyA)), F.list("[\(F.policy(F.policyA))]")]
        let report = F.diff(exchanges, exchanges)
        #expect(report.differences.isEmpty)
        #expect(report.pairedCount == 2)
    }

    @Test func locatorsAndTimestampsAloneAreNoDifference() {
        let old = [F.fetch(F.policyA, F.policy(F.policyA, createdAt: "2025-01-31T09:30:00Z", extra: #","note":"\#(F.policyB)""#)),
                   F.fetch(F.policyB, F.policy(F.policyB))]
        let new = [F.fetch(F.newPolicyA, F.policy(F.newPolicyA, createdAt: "2025-06-01T10:00:00.5Z", extra: #","note":"\#(F.newPolicyB)""#)),
                   F.fetch(F.newPolicyB, F.policy(F.newPolicyB, createdAt: "2025-06-02T11:00:00Z"))]
        #expect(F.findings(old, new) == [])
    }

    @Test func aMisalignedLocatorIsAValueChange() {
        let old = [F.fetch(F.policyA, F.policy(F.policyA, extra: #","note":"\#(F.policyB)""#)), F.fetch(F.policyB, F.policy(F.policyB))]
        let new = [F.fetch(F.newPolicyA, F.policy(F.newPolicyA, extra: #","note":"\#(F.newPolicyA)""#)), F.fetch(F.newPolicyB, F.policy(F.newPolicyB))]
        #expect(F.findings(old, new) == ["value-changed body /note"])
    }

    @Test func exactComparesVolatileValuesByValue() {
        let old = [F.fetch(F.policyA, F.policy(F.policyA))]
        let new = [F.fetch(F.policyA, F.policy(F.policyA, createdAt: "2025-06-01T10:00:00Z"))]
        #expect(F.findings(old, new) == [])
        #expect(F.findings(old, new, options: .init(exact: true)) == ["value-changed body /createdAt"])
    }

    @Test func aRenamedPropertyIsOneBreakingRemovalAndOneCompatibleAddition() {
        let old = [F.fetch(F.policyA, F.policy(F.policyA))]
        let renamed = F.policy(F.policyA).replacingOccurrences(of: "\"name\"", with: "\"fullName\"")
        let report = F.diff(old, [F.fetch(F.policyA, renamed)])
        #expect(report.differences.map { "\($0.severity.rawValue) \($0.rule.rawValue) \($0.location)" } == [
            "breaking required-property-removed body /name", "compatible property-added body /fullName",
        ])
    }

    @Test func statusRulesDistinguishSuccessToErrorBetweenSuccessesAndOthers() {
        let ok = F.fetch(F.policyA, F.policy(F.policyA))
        #expect(F.findings([ok], [F.fetch(F.policyA, "{}", status: 500)]) == ["status-success-to-error status"])
        #expect(F.findings([ok], [F.fetch(F.policyA, F.policy(F.policyA), status: 201)]) == ["status-success-changed status"])
        #expect(F.findings([F.fetch(F.policyA, "{}", status: 404)], [F.fetch(F.policyA, "{}", status: 410)]) == ["status-changed status"])
    }

    @Test func aChangedMediaTypeIsBreakingButItsParametersAreNot() {
        let old = [F.fetch(F.policyA, F.policy(F.policyA))]
        #expect(F.findings(old, [F.fetch(F.policyA, F.policy(F.policyA), contentType: "application/json; charset=utf-8")]) == [])
        #expect(F.findings(old, [F.fetch(F.policyA, F.policy(F.policyA), contentType: "text/plain")]) == ["content-type-changed content-type"])
    }

    @Test func aRequiredPropertyBecomingNullIsBreakingAnOptionalOneIsNot() {
        let old = [F.fetch(F.policyA, F.policy(F.policyA, extra: #","note":"x""#))]
        let new = [F.fetch(F.policyA, F.policy(F.policyA, extra: #","note":null"#).replacingOccurrences(of: "\"Alice\"", with: "null"))]
        #expect(F.findings(old, new) == ["property-became-null body /name", "value-changed body /note"])
    }

    @Test func aTypeChangeIsBreaking() {
        let old = [F.fetch(F.policyA, F.policy(F.policyA))]
        let new = [F.fetch(F.policyA, F.policy(F.policyA).replacingOccurrences(of: "120.5", with: "\"120.5\""))]
        #expect(F.findings(old, new) == ["type-changed body /premium"])
    }

    @Test func anInvalidVolatileValueIsBreaking() {
        let old = [F.fetch(F.policyA, F.policy(F.policyA))]
        #expect(F.findings(old, [F.fetch(F.policyA, F.policy(F.policyA, createdAt: "yesterday"))]) == ["format-invalid body /createdAt"])
    }

    @Test func enumValuesInsideTheContractAreCompatibleOutsideBreaking() {
        let old = [F.fetch(F.policyA, F.policy(F.policyA))]
        #expect(F.findings(old, [F.fetch(F.policyA, F.policy(F.policyA, state: "cancelled"))]) == ["enum-value-documented body /state"])
        #expect(F.findings(old, [F.fetch(F.policyA, F.policy(F.policyA, state: "archived"))]) == ["enum-value-undocumented body /state"])
    }

    @Test func anOptionalPropertyDisappearingIsPossiblyBreaking() {
        let old = [F.fetch(F.policyA, F.policy(F.policyA, extra: #","tags":["a"],"extra":1"#))]
        let report = F.diff(old, [F.fetch(F.policyA, F.policy(F.policyA))])
        #expect(report.differences.map { "\($0.severity.rawValue) \($0.rule.rawValue) \($0.location)" } == [
            "possibly-breaking optional-property-removed body /tags", "possibly-breaking undocumented-property-removed body /extra",
        ])
    }

    @Test func arrayLengthIsCompatibleUnlessTheItemShapeChanged() {
        let old = [F.list("[\(F.policy(F.policyA))]")]
        #expect(F.findings(old, [F.list("[\(F.policy(F.policyA)),\(F.policy(F.policyB, name: "Bob"))]")]) == ["array-length-changed body /"])
        let reshaped = F.policy(F.policyB).replacingOccurrences(of: "120.5", with: "true")
        #expect(F.findings(old, [F.list("[\(F.policy(F.policyA)),\(reshaped)]")]) == ["type-changed body /1/premium", "array-length-changed body /"])
    }

    @Test func exchangesOnOneSideAreGoneOrNew() {
        let fetchA = F.fetch(F.policyA, F.policy(F.policyA)), fetchB = F.fetch(F.policyB, F.policy(F.policyB)), list = F.list("[]")
        let report = F.diff([fetchA, fetchB], [fetchA, list])
        #expect(report.differences.map { "\($0.severity.rawValue) \($0.rule.rawValue)" } == [
            "possibly-breaking exchange-gone", "compatible exchange-new",
        ])
        #expect(report.exchanges.map(\.endpoint) == ["fetchPolicy", "listPolicies"])
    }

    @Test func ignoredPointerPatternsAreLeftOut() {
        let old = [F.list("[\(F.policy(F.policyA)),\(F.policy(F.policyB))]")]
        let new = [F.list("[\(F.policy(F.policyA, name: "Al")),\(F.policy(F.policyB, name: "Bo"))]")]
        #expect(F.findings(old, new) == ["value-changed body /0/name", "value-changed body /1/name"])
        #expect(F.findings(old, new, options: .init(ignoredPointers: [PointerPattern(parsing: "/*/name")!])) == [])
    }

    @Test func failureThresholdsCountTheirSeverities() {
        let old = [F.fetch(F.policyA, F.policy(F.policyA, extra: #","tags":[]"#)), F.fetch(F.policyB, F.policy(F.policyB))]
        let report = F.diff(old, [F.fetch(F.policyA, F.policy(F.policyA)), F.list("[]")])
        #expect(report.failingCount(.breaking) == 0)
        #expect(report.failingCount(.possibly) == 2)
        #expect(report.failingCount(.any) == 3)
    }
}
