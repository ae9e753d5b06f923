import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas
import Testing

/// The term's end is what the transactions in force say, and no installment lies past it, whatever undid a change
/// that moved it and whatever the billing trigger.
@Suite struct TermEndInForceRuleTests {
    let policy = BuiltInFixtures.policyA1
    static let originalEnd = "2025-08-21T00:00:00.000000Z"

    /// The term's end as the term, its summary and the policy's terms list say it.
    func ends(_ client: RecordingClient, policy: String) throws -> [String] {
        let terms = client.send(.get, "/policy/{t}/policies/\(policy)/terms/list").json.arrayValue ?? []
        let term = try #require(terms.first?["locator"]?.stringValue)
        return [client.send(.get, "/policy/{t}/terms/\(term)").json["endTime"]?.stringValue ?? "none",
                client.send(.get, "/policy/{t}/policies/\(policy)/summary").json["endTime"]?.stringValue ?? "none"]
    }

    /// The vehicle's static locator on the built-in policy.
    func vehicle(_ client: RecordingClient) throws -> String {
        let issuance = try #require(client.send(.get, "/policy/{t}/policies/\(policy)/issuedTransactions/list").json[0]?["locator"]?.stringValue)
        let segment = client.send(.get, "/policy/{t}/transactions/\(issuance)/segment").json
        return try #require(segment["element"]?["elements"]?.arrayValue?.first { $0["type"] == "Vehicle" }?["staticLocator"]?.stringValue)
    }

    @Test("a reversal of a change that moved the end puts the end back where it was before the change")
    func reversalRestoresTheEnd() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let issuance = try #require(client.send(.get, "/policy/{t}/policies/\(policy)/issuedTransactions/list").json[0]?["locator"]?.stringValue)
        let shorten = client.create(policy, "change", #"[{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z", "newPolicyEndTime": "2025-05-21T00:00:00Z"}]"#)
        #expect(client.operate(shorten, "issue") == "issued")
        #expect(try ends(client, policy: policy) == ["2025-05-21T00:00:00.000000Z", "2025-05-21T00:00:00.000000Z"])
        let reversal = client.create(policy, "reversal",
                                     #"{"baseLocator": "\#(shorten)", "toTransaction": "\#(issuance)", "reverseTransactions": ["\#(shorten)"]}"#)
        #expect(client.operate(reversal, "issue") == "issued")
        #expect(try ends(client, policy: policy) == [Self.originalEnd, Self.originalEnd])
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("an aggregate that reverses a change which moved the end, and cannot reapply it, leaves the end the change found")
    func invalidatedReapplicationLeavesTheOriginalEnd() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let vehicle = try vehicle(client)
        let shorten = client.create(policy, "change", #"""
            [{"action": "params", "effectiveTime": "2025-02-21T00:00:00Z", "newPolicyEndTime": "2025-05-21T00:00:00Z"},
             {"action": "modify", "staticLocator": "\#(vehicle)", "setData": {"year": 2021}, "removeData": {}, "setCoverageTerms": {}, "removeCoverageTerms": {}}]
            """#)
        #expect(client.operate(shorten, "issue") == "issued")
        let delete = client.create(policy, "change", #"[{"action": "params", "effectiveTime": "2024-11-21T00:00:00Z"}, {"action": "delete", "staticElementLocators": ["\#(vehicle)"]}]"#)
        #expect(client.operate(delete, "issue") == "issued")
        let aggregate = try #require(client.send(.get, "/policy/{t}/transactions/\(delete)").json["aggregateTransactionLocator"]?.stringValue)
        let children = client.send(.get, "/policy/{t}/transactions/\(aggregate)").json["aggregatedTransactions"]?.arrayValue ?? []
        #expect(children.compactMap { $0["transactionState"]?.stringValue } == ["issued", "issued", "invalidated"])
        #expect(try ends(client, policy: policy) == [Self.originalEnd, Self.originalEnd])
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("an aggregate that reapplies a change which moved the end leaves the end moved")
    func reappliedChangeMovesTheEndAgain() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let shorten = client.create(policy, "change", #"[{"action": "params", "effectiveTime": "2025-02-21T00:00:00Z", "newPolicyEndTime": "2025-05-21T00:00:00Z"}]"#)
        #expect(client.operate(shorten, "issue") == "issued")
        let early = client.create(policy, "change", #"[{"action": "params", "effectiveTime": "2024-11-21T00:00:00Z"}, {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "EARLY"}}}]"#)
        #expect(client.operate(early, "issue") == "issued")
        #expect(try ends(client, policy: policy) == ["2025-05-21T00:00:00.000000Z", "2025-05-21T00:00:00.000000Z"])
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("with the accept trigger, a change that shortens the term leaves no installment past the new end once issued")
    func acceptTriggerShortening() throws {
        let client = try BillingConfigurationTests.client(billing: #"{"trigger": "accept"}"#)
        let policy = "01J6A00000000000000000PC01"
        let shorten = client.create(policy, "change", #"[{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z", "newPolicyEndTime": "2025-05-21T00:00:00Z"}]"#)
        #expect(client.operate(shorten, "accept") == "accepted")
        #expect(client.operate(shorten, "issue") == "issued")
        let end = try #require(Timestamp(rfc3339: "2025-05-21T00:00:00Z"))
        let installments = client.send(.get, "/billing/{t}/installments/policies/\(policy)/list").json.arrayValue ?? []
        #expect(!installments.isEmpty)
        for installment in installments {
            for key in ["installmentEndTime", "coverageEndTime"] {
                let time = try #require(installment[key]?.stringValue.flatMap(Timestamp.init(rfc3339:)))
                #expect(time <= end, "\(key) \(time.rfc3339()) past the end")
            }
        }
        let term = try #require(client.send(.get, "/policy/{t}/transactions/\(shorten)").json["termLocator"]?.stringValue)
        let payable = PolicyEndRuleTests.cents(client.send(.get, "/policy/{t}/terms/\(term)/payable").json["amount"])
        let items = installments.flatMap { $0["installmentItems"]?.arrayValue ?? [] }
        #expect(items.reduce(0) { $0 + PolicyEndRuleTests.cents($1["amount"]) } == payable)
        let lattices = client.send(.get, "/billing/{t}/installmentLattices/policies/\(policy)/list?extended=true").json["items"]?.arrayValue ?? []
        #expect(lattices.last?["frames"]?.arrayValue?.last?["installmentEndTime"]?.stringValue.flatMap(Timestamp.init(rfc3339:)) == end)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }
}
