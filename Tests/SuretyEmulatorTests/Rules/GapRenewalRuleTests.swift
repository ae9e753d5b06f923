import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

/// A renewal with a gap starts where it asks to; no term covers the gap (`semantics.md` §3, Renewal [D RN]).
@Suite struct GapRenewalRuleTests {
    let policy = BuiltInFixtures.policyA1

    @Test("a renewal's requested start after the old end is honoured and the new term keeps the old term's length")
    func gapRenewalStartsWhereAsked() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let renewal = client.send(.patch, "/policy/{t}/policies/\(policy)/renew", #"[{"action": "params", "effectiveTime": "2025-09-21T00:00:00Z"}]"#)
        #expect(renewal.json["effectiveTime"] == "2025-09-21T00:00:00.000000Z")
        let locator = try #require(renewal.json["locator"]?.stringValue)
        #expect(client.operate(locator, "issue") == "issued")
        let terms = client.send(.get, "/policy/{t}/policies/\(policy)/terms/list").json.arrayValue ?? []
        #expect(terms.map { $0["startTime"] } == ["2024-08-21T00:00:00.000000Z", "2025-09-21T00:00:00.000000Z"])
        #expect(terms.map { $0["endTime"] } == ["2025-08-21T00:00:00.000000Z", "2026-09-21T00:00:00.000000Z"])
        let gap = #"[{"action": "params", "effectiveTime": "2025-09-01T00:00:00.000000Z"}]"#
        #expect(client.send(.patch, "/policy/{t}/policies/\(policy)/change", gap).status == 422)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a renewal may start at the old end but not before it", arguments: [
        ("2025-08-21T00:00:00Z", 200), ("2025-08-20T23:59:59Z", 422),
    ])
    func renewalStartBound(start: String, status: Int) throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let body = #"[{"action": "params", "effectiveTime": "\#(start)"}]"#
        #expect(client.send(.patch, "/policy/{t}/policies/\(policy)/renew", body).status == status)
    }
}
