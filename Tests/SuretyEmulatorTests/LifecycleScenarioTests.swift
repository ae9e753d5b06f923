import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

@Suite struct LifecycleScenarioTests {
    let policy = BuiltInFixtures.policyA1
    static let params = #"{"action": "params", "effectiveTime": "2024-11-21T00:00:00Z"}"#

    func client() throws -> RecordingClient { RecordingClient(backend: try EmulatorTestSupport.makeBackend()) }

    @Test("a failed validation answers 200 with the state unchanged and the validation result")
    func validationFailure() throws {
        let client = try client()
        let locator = client.create(policy, "change", #"[\#(Self.params), {"action": "add", "element": {"type": "Vehicle", "data": {}}}]"#)
        #expect(client.operate(locator, "initialize") == "initialized")
        let failed = client.send(.patch, "/policy/{t}/transactions/\(locator)/validate")
        #expect(failed.status == 200)
        #expect(failed.json["transactionState"] == "initialized")
        #expect(failed.json["validationResult"]?["success"] == false)
        #expect(failed.json["validationResult"]?["validationItems"]?[0]?["errors"] == ["data.vin is required"])
        let issue = client.send(.patch, "/policy/{t}/transactions/\(locator)/issue")
        #expect(issue.status == 200)
        #expect(issue.json["transactionState"] == "initialized")
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("underwriting flags decide the outcome", arguments: [
        ([String](), "underwritten"), (["info"], "underwritten"), (["block"], "underwrittenBlocked"), (["decline"], "declined"),
        (["reject"], "rejected"), (["block", "approve"], "underwritten"), (["reject", "approve"], "underwritten"),
        (["approve", "reject", "decline", "block", "info"], "underwritten"),
    ])
    func underwritingOutcomes(levels: [String], outcome: String) throws {
        let client = try client()
        let locator = client.create(policy, "change", "[\(Self.params)]")
        let flags = levels.map { #"{"level": "\#($0)", "note": "n"}"# }.joined(separator: ",")
        let updated = client.send(.patch, "/policy/{t}/transactions/\(locator)/underwritingFlags", #"{"addFlags": [\#(flags)]}"#)
        #expect(updated.status == 200)
        let result = client.send(.patch, "/policy/{t}/transactions/\(locator)/underwrite")
        #expect(result.json["transactionState"] == .string(outcome))
        #expect(result.json["underwritingFlags"]?.arrayValue?.count == levels.count)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("clearing a blocking flag lets accept re-underwrite and pass")
    func clearedFlag() throws {
        let client = try client()
        let locator = client.create(policy, "change", "[\(Self.params)]")
        let flags = client.send(.patch, "/policy/{t}/transactions/\(locator)/underwritingFlags", #"{"addFlags": [{"level": "block", "note": "check"}]}"#)
        #expect(flags.json.objectValue?.map(\.key) == ["transactionLocator", "clearedFlags"], "the documented members only")
        let underwritten = client.send(.patch, "/policy/{t}/transactions/\(locator)/underwrite")
        #expect(underwritten.json["transactionState"] == "underwrittenBlocked")
        let flag = try #require(underwritten.json["underwritingFlags"]?[0]?["locator"]?.stringValue)
        client.send(.patch, "/policy/{t}/transactions/\(locator)/underwritingFlags", #"{"clearFlags": ["\#(flag)"]}"#)
        #expect(client.send(.get, "/policy/{t}/transactions/\(locator)/underwritingFlags").json["clearedFlags"]?.arrayValue?.count == 1)
        #expect(client.operate(locator, "accept") == "accepted")
        #expect(client.send(.patch, "/policy/{t}/transactions/\(locator)/reset", Self.resetBody).status == 409)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    static let resetBody = #"{"deleteAllAutomaticDocuments": true, "resetAllUnderwritingFlags": true, "resetFlagsAction": "delete", "deleteDocuments": [], "resetFlags": []}"#

    @Test("reset returns to initialized keeping the segment, or to draft dropping it, and deletes documents on request")
    func reset() throws {
        let client = try client()
        let locator = client.create(policy, "change", "[\(Self.params)]")
        #expect(client.operate(locator, "price") == "priced")
        #expect(client.send(.get, "/document/{t}/documents/transaction/\(locator)/list").json.arrayValue?.count == 1)
        let segment = client.send(.get, "/policy/{t}/transactions/\(locator)/segment").json["locator"]
        #expect(client.operate(locator, "reset", Self.resetBody) == "initialized")
        #expect(client.send(.get, "/policy/{t}/transactions/\(locator)/segment").json["locator"] == segment)
        #expect(client.send(.get, "/document/{t}/documents/transaction/\(locator)/list").json.arrayValue?.count == 0)
        #expect(client.operate(locator, "reset", query: "?resetToDraft=true", Self.resetBody) == "draft")
        #expect(client.send(.get, "/policy/{t}/transactions/\(locator)/segment").status == 404)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("stateless validate, price and underwrite answer the result without changing anything")
    func stateless() throws {
        let client = try client()
        let locator = client.create(policy, "change", "[\(Self.params)]")
        #expect(client.operate(locator, "price", query: "?stateless=true") == "priced")
        #expect(client.operate(locator, "underwrite", query: "?stateless=true") == "underwritten")
        #expect(client.send(.get, "/policy/{t}/transactions/\(locator)").json["transactionState"] == "draft")
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("refuse and discard end a transaction; issued transactions cannot be discarded")
    func refuseAndDiscard() throws {
        let client = try client()
        let first = client.create(policy, "change", "[\(Self.params)]")
        #expect(client.operate(first, "refuse") == "refused")
        #expect(client.operate(first, "discard") == "discarded")
        let second = client.create(policy, "change", "[\(Self.params)]")
        #expect(client.operate(second, "issue") == "issued")
        let refused = client.send(.patch, "/policy/{t}/transactions/\(second)/discard")
        #expect(refused.status == 409)
        #expect(refused.json["title"] == "Operation not allowed in this state")
        #expect(client.violations.isEmpty, "\(client.violations)")
    }
}
