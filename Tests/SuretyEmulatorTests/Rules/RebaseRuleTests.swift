import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

/// A transaction is rebased when it is issued, not when a sibling is (`semantics.md` §1.6, §1.8).
@Suite struct RebaseRuleTests {
    let policy = BuiltInFixtures.policyA1
    static let addVehicle = #"[{"action": "params", "effectiveTime": "2024-11-21T00:00:00Z"}, {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "V2"}}}]"#
    static let addDriver = #"[{"action": "params", "effectiveTime": "2024-12-21T00:00:00Z"}, {"action": "add", "element": {"type": "Driver", "data": {"name": "Bo"}}}]"#

    func client() throws -> RecordingClient { RecordingClient(backend: try EmulatorTestSupport.makeBackend()) }

    func types(_ client: RecordingClient, segmentOf transaction: String) -> [String] {
        client.send(.get, "/policy/{t}/transactions/\(transaction)/segment").json["element"]?["elements"]?.arrayValue?
            .compactMap { $0["type"]?.stringValue } ?? []
    }

    @Test("issuing one change leaves a priced sibling priced and affects nothing")
    func siblingKeepsItsState() throws {
        let client = try client()
        let open = client.create(policy, "change", Self.addDriver)
        #expect(client.operate(open, "price") == "priced")
        let first = client.create(policy, "change", Self.addVehicle)
        #expect(client.operate(first, "issue") == "issued")
        #expect(client.send(.get, "/policy/{t}/transactions/\(open)").json["transactionState"] == "priced")
        #expect(client.send(.get, "/policy/{t}/transactions/\(first)/affectedTransactions").json == [])
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("with autoRebase=false a transaction whose base is no longer the head is refused at issue")
    func staleBaseIsRefusedWithoutAutoRebase() throws {
        let client = try client()
        let open = client.create(policy, "change", Self.addDriver)
        #expect(client.operate(open, "price") == "priced")
        #expect(client.operate(client.create(policy, "change", Self.addVehicle), "issue") == "issued")
        #expect(client.send(.patch, "/policy/{t}/transactions/\(open)/issue?autoRebase=false").status == 422)
        #expect(client.send(.get, "/policy/{t}/transactions/\(open)").json["transactionState"] == "priced")
    }

    @Test("by default a stale transaction is rebased onto the head at issue and keeps the head's changes")
    func staleBaseIsRebased() throws {
        let client = try client()
        let open = client.create(policy, "change", Self.addDriver)
        #expect(client.operate(open, "price") == "priced")
        let below = client.send(.get, "/policy/{t}/transactions/\(open)").json["baseTransactionLocator"]
        let first = client.create(policy, "change", Self.addVehicle)
        #expect(client.operate(first, "issue") == "issued")
        #expect(client.send(.get, "/policy/{t}/transactions/\(open)").json["baseTransactionLocator"] == below)
        let issued = client.send(.patch, "/policy/{t}/transactions/\(open)/issue")
        #expect(issued.json["transactionState"] == "issued")
        #expect(issued.json["baseTransactionLocator"] == .string(first))
        #expect(types(client, segmentOf: open) == ["Vehicle", "Driver", "Vehicle", "Driver"])
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a rebase that cannot rebuild the segment leaves the transaction invalidated")
    func failedRebaseInvalidates() throws {
        let client = try client()
        let vehicle = try #require(client.send(.get, "/policy/{t}/policies/\(policy)/summary?termNumber=1")
            .json["subsegments"]?[0]?["elements"]?[1]?["staticLocator"]?.stringValue)
        let modify = #"[{"action": "params", "effectiveTime": "2024-12-21T00:00:00Z"}, {"action": "modify", "staticLocator": "\#(vehicle)", "setData": {"year": 2020}, "removeData": {}, "setCoverageTerms": {}, "removeCoverageTerms": {}}]"#
        let open = client.create(policy, "change", modify)
        #expect(client.operate(open, "price") == "priced")
        let delete = #"[{"action": "params", "effectiveTime": "2024-11-21T00:00:00Z"}, {"action": "delete", "staticElementLocators": ["\#(vehicle)"]}]"#
        #expect(client.operate(client.create(policy, "change", delete), "issue") == "issued")
        #expect(client.operate(open, "issue") == "invalidated")
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a transaction chained on an unissued one builds on it and is issued after it")
    func chainingOnAnUnissuedTransaction() throws {
        let client = try client()
        let base = client.create(policy, "change", Self.addVehicle)
        #expect(client.operate(base, "price") == "priced")
        let another = #"[{"action": "params", "effectiveTime": "2024-12-21T00:00:00Z"}, {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "V3"}}}]"#
        let chained = client.send(.patch, "/policy/{t}/policies/\(policy)/change?baseLocator=\(base)", another)
        #expect(chained.status == 200)
        #expect(chained.json["baseTransactionLocator"] == .string(base))
        let locator = try #require(chained.json["locator"]?.stringValue)
        #expect(client.operate(locator, "price") == "priced")
        #expect(types(client, segmentOf: locator) == ["Vehicle", "Driver", "Vehicle", "Vehicle"])
        #expect(client.send(.get, "/policy/{t}/transactions/\(locator)/price").json["charges"]?.arrayValue?.count == 1)
        #expect(client.send(.patch, "/policy/{t}/transactions/\(locator)/issue").status == 422)
        #expect(client.operate(base, "issue") == "issued")
        #expect(client.operate(locator, "issue") == "issued")
        #expect(client.violations.isEmpty, "\(client.violations)")
    }
}
