import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

/// Only a reinstatement restores coverage inside a cancellation gap, and a gap is cancelled once.
@Suite struct CancellationGapRuleTests {
    let policy = BuiltInFixtures.policyA1

    func cancelledClient() throws -> RecordingClient {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let cancel = client.create(policy, "cancel", #"{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z"}"#)
        #expect(client.operate(cancel, "issue") == "issued")
        return client
    }

    @Test("a change dated inside a cancellation gap leaves the gap in force and charges nothing")
    func changeInsideGapKeepsGap() throws {
        let client = try cancelledClient()
        let body = #"[{"action": "params", "effectiveTime": "2025-03-01T00:00:00Z"}, {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "V9"}}}]"#
        let change = client.create(policy, "change", body)
        #expect(client.operate(change, "issue") == "issued")
        #expect(client.send(.get, "/policy/{t}/transactions/\(change)/price").json["charges"] == [])
        let summary = client.send(.get, "/policy/{t}/policies/\(policy)/summary?termNumber=1")
        #expect(summary.json["subsegments"]?.arrayValue?.map { $0["type"] } == ["coverage", "gap", "gap"])
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a second cancellation dated inside a gap is refused")
    func secondCancellationInsideGap() throws {
        let client = try cancelledClient()
        let body = #"{"action": "params", "effectiveTime": "2025-03-01T00:00:00Z"}"#
        #expect(client.send(.patch, "/policy/{t}/policies/\(policy)/cancel", body).status == 422)
    }

    @Test("a second cancellation drafted before the first was issued is refused at issue")
    func secondCancellationRefusedAtIssue() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let first = client.create(policy, "cancel", #"{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z"}"#)
        let second = client.create(policy, "cancel", #"{"action": "params", "effectiveTime": "2025-03-01T00:00:00Z"}"#)
        #expect(client.operate(first, "issue") == "issued")
        #expect(client.send(.patch, "/policy/{t}/transactions/\(second)/issue").status == 422)
    }
}
