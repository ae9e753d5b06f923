import Foundation
import SuretyHTTPCore
import Testing
@testable import SuretyRecordings

/// Which exchanges pair: by request and by the kind of credentials they carry; what is gone whole.
@Suite struct RecordingDiffPairingTests {
    typealias F = DiffFixture

    /// `GET /policies/{locator}` with `Authorization: token` (none when nil), answered with `status`.
    static func probe(_ locator: String, token: String?, status: Int) -> Exchange {
        let headers: HTTPFields = token.map { ["Authorization": "Bearer " + $0] } ?? [:]
        let body = status == 200 ? F.policy(locator) : #"{"title":"denied"}"#
        return F.exchange(HTTPRequest(method: .get, target: "/policies/\(locator)", headers: headers), body, status: status)
    }

    /// The run's token twice, no token (401) and another token (403); NEW has fresh tokens and another order.
    static let old = [probe(F.policyA, token: "run-1", status: 200), probe(F.policyA, token: nil, status: 401),
                      probe(F.policyA, token: "reader-1", status: 403), probe(F.policyB, token: "run-1", status: 200)]
    static let new = [probe(F.policyA, token: "run-2", status: 200), probe(F.policyA, token: "reader-2", status: 403),
                      probe(F.policyA, token: nil, status: 401), probe(F.policyB, token: "run-2", status: 200)]

    @Test func negativeProbesPairWithTheirOwnKindOfCredentials() {
        #expect(F.findings(Self.old, Self.new) == [])
    }

    @Test func negativeProbesPairByCredentialsThroughRedactedFolders() async throws {
        let report = try await RecordingDiffGoldenTests.diffThroughFolders(Self.old, Self.new, redaction: .default)
        #expect(report.differences.map { "\($0.rule.rawValue) \($0.location)" } == [])
        #expect(report.pairedCount == 4)
    }

    @Test func redactionKeepsAFingerprintOfACredentialButNeverTheCredential() {
        let redacted = Redaction.default.redact(Self.old[0])
        let value = redacted.request.headers["Authorization"] ?? ""
        #expect(value.hasPrefix("[redacted:") && !value.contains("run-1"))
        #expect(Redaction.default.redact(Self.old[3]).request.headers["Authorization"] == value)
        #expect(Redaction.default.redact(Self.old[2]).request.headers["Authorization"] != value)
    }

    @Test func anEndpointWhoseExchangesAreAllGoneIsOneBreakingEndpointGone() {
        let report = F.diff([F.fetch(F.policyA, F.policy(F.policyA)), F.fetch(F.policyB, F.policy(F.policyB)), F.list("[]")], [F.list("[]")])
        #expect(report.differences.map { "\($0.severity.rawValue) \($0.rule.rawValue) \($0.old)" } == ["breaking endpoint-gone 2 exchanges"])
        #expect(report.exchanges.map(\.endpoint) == ["fetchPolicy"])
    }

    @Test func anEmptyNewRecordingFailsEvenWhenOnlyUnroutedExchangesWereThere() {
        let unrouted = F.exchange(HTTPRequest(method: .get, target: "/legacy"), #"{"ok":true}"#)
        let report = F.diff([unrouted], [])
        #expect(report.failingCount(.breaking) > 0)
        #expect(report.summary.contains("NEW has no exchanges"))
    }
}
