import Foundation
import SuretyHTTPCore
import Testing
@testable import SuretyRecordings

/// Two recordings of the same traffic from fresh backends differ only in identifiers and times: no difference.
@Suite struct RecordingDiffNoiseTests {
    typealias F = DiffFixture

    @Test func datetimesAndIdentifiersTheContractDoesNotTypeCompareByShape() {
        let old = F.policy(F.policyA, extra: #","audit":{"at":"2025-01-31T09:30:00Z","by":"3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","trace":"01HZZZZZZZZZZZZZZZZZZZZZZZ"}"#)
        let new = F.policy(F.policyA, extra: #","audit":{"at":"2030-06-01T10:00:00.123+02:00","by":"9a9b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","trace":"01J00000000000000000000009"}"#)
        #expect(F.findings([F.fetch(F.policyA, old)], [F.fetch(F.policyA, new)]) == [])
    }

    @Test func aDatetimeThatStopsBeingOneIsStillAChange() {
        let old = F.policy(F.policyA, extra: #","audit":{"at":"2025-01-31T09:30:00Z"}"#)
        let new = F.policy(F.policyA, extra: #","audit":{"at":"yesterday"}"#)
        #expect(F.findings([F.fetch(F.policyA, old)], [F.fetch(F.policyA, new)]) == ["value-changed body /audit/at"])
        #expect(F.findings([F.fetch(F.policyA, old)], [F.fetch(F.policyA, old.replacingOccurrences(of: #""at":"2025"#, with: #""at":"2030"#))],
                           options: .init(exact: true)) == ["value-changed body /audit/at"])
    }

    @Test func aProblemDetailNamingALocatorAlignsWithItsCounterpart() {
        let problem = { (locator: String) in #"{"title":"Not Found","detail":"policy \#(locator) does not exist","status":404}"# }
        let old = [F.fetch(F.policyA, F.policy(F.policyA)), F.fetch(F.policyB, problem(F.policyB), status: 404)]
        let new = [F.fetch(F.newPolicyA, F.policy(F.newPolicyA)), F.fetch(F.newPolicyB, problem(F.newPolicyB), status: 404)]
        #expect(F.findings(old, new) == [])
    }

    @Test func aProblemDetailNamingAnotherLocatorIsStillAChange() {
        let problem = { (locator: String) in #"{"title":"Not Found","detail":"policy \#(locator) does not exist"}"# }
        let old = [F.fetch(F.policyA, F.policy(F.policyA)), F.fetch(F.policyB, problem(F.policyB), status: 404)]
        let new = [F.fetch(F.newPolicyA, F.policy(F.newPolicyA)), F.fetch(F.newPolicyB, problem(F.newPolicyA), status: 404)]
        #expect(F.findings(old, new) == ["value-changed body /detail"])
    }
}
