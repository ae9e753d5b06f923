import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

/// A reversal undoes exactly the transactions issued above `toTransaction`, checked again when it is issued.
@Suite struct ReversalRuleTests {
    let policy = BuiltInFixtures.policyA1

    @Test("a reversal drafted before another change was issued is refused at issue and bills nothing")
    func staleReversalIsRefused() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let issuance = try #require(client.send(.get, "/policy/{t}/policies/\(policy)/issuedTransactions/list").json[0]?["locator"]?.stringValue)
        let add = #"[{"action": "params", "effectiveTime": "2024-11-21T00:00:00Z"}, {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "V1"}}}]"#
        let change = client.create(policy, "change", add)
        #expect(client.operate(change, "issue") == "issued")
        let body = #"{"baseLocator": "\#(change)", "toTransaction": "\#(issuance)", "reverseTransactions": ["\#(change)"]}"#
        let reversal = client.create(policy, "reversal", body)
        let later = client.create(policy, "change", #"[{"action": "params", "effectiveTime": "2024-12-21T00:00:00Z"}]"#)
        #expect(client.operate(later, "issue") == "issued")
        let term = try #require(client.send(.get, "/policy/{t}/transactions/\(issuance)").json["termLocator"]?.stringValue)
        let payable = client.send(.get, "/policy/{t}/terms/\(term)/payable").json["amount"]
        #expect(client.send(.patch, "/policy/{t}/transactions/\(reversal)/issue").status == 422)
        #expect(client.send(.get, "/policy/{t}/transactions/\(change)").json["transactionState"] == "issued")
        #expect(client.send(.get, "/policy/{t}/terms/\(term)/payable").json["amount"] == payable)
    }
}
