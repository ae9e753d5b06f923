import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

/// Terms never overlap, and a cancelled policy is not renewed (`docs/emulator.md`, "Terms").
@Suite struct TermBoundaryRuleTests {
    let policy = BuiltInFixtures.policyA1

    func client() throws -> RecordingClient { RecordingClient(backend: try EmulatorTestSupport.makeBackend()) }

    func cancel(_ client: RecordingClient, at time: String) -> String {
        client.create(policy, "cancel", #"{"action": "params", "effectiveTime": "\#(time)"}"#)
    }

    @Test("a policy cancelled to the end of its last term cannot be renewed until it is reinstated",
          arguments: ["2024-08-21T00:00:00Z", "2025-01-21T00:00:00Z"])
    func cancelledPolicyIsNotRenewed(cancelledAt: String) throws {
        let client = try client()
        #expect(client.operate(cancel(client, at: cancelledAt), "issue") == "issued")
        #expect(client.send(.patch, "/policy/{t}/policies/\(policy)/renew", "[]").status == 422)
        let reinstate = client.create(policy, "reinstate", "[]")
        #expect(client.operate(reinstate, "issue") == "issued")
        #expect(client.send(.patch, "/policy/{t}/policies/\(policy)/renew", "[]").status == 200)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a renewal drafted before a flat cancellation is refused at issue")
    func renewalAfterFlatCancellationIsRefusedAtIssue() throws {
        let client = try client()
        let renewal = client.create(policy, "renew", "[]")
        #expect(client.operate(cancel(client, at: "2024-08-21T00:00:00Z"), "issue") == "issued")
        #expect(client.send(.patch, "/policy/{t}/transactions/\(renewal)/issue").status == 422)
        #expect(client.send(.get, "/policy/{t}/transactions/\(renewal)").json["transactionState"] == "draft")
    }

    @Test("a new policy end may reach the next term's start but not pass it", arguments: [
        ("2025-08-21T00:00:00Z", 200), ("2025-08-21T00:00:01Z", 422),
    ])
    func extensionStopsAtTheNextTerm(end: String, status: Int) throws {
        let client = try client()
        #expect(client.operate(client.create(policy, "renew", "[]"), "issue") == "issued")
        let body = #"[{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z", "newPolicyEndTime": "\#(end)"}]"#
        #expect(client.send(.patch, "/policy/{t}/policies/\(policy)/change", body).status == status)
    }

    @Test("a change drafted before the renewal was issued may not then extend its term over the next")
    func extensionIsRefusedAtIssue() throws {
        let client = try client()
        let body = #"[{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z", "newPolicyEndTime": "2025-09-21T00:00:00Z"}]"#
        let change = client.create(policy, "change", body)
        let renewal = client.create(policy, "renew", "[]")
        #expect(client.operate(renewal, "issue") == "issued")
        #expect(client.send(.patch, "/policy/{t}/transactions/\(change)/issue").status == 422)
    }

    @Test("a renewal whose term would start inside an extended term is refused at issue")
    func renewalOverlappingAnExtensionIsRefused() throws {
        let client = try client()
        let renewal = client.create(policy, "renew", "[]")
        let body = #"[{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z", "newPolicyEndTime": "2025-09-21T00:00:00Z"}]"#
        #expect(client.operate(client.create(policy, "change", body), "issue") == "issued")
        #expect(client.send(.patch, "/policy/{t}/transactions/\(renewal)/issue").status == 422)
    }
}
