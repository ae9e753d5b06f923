import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

/// An out-of-sequence change (earlier than an issued one) is issued as an aggregate: the later transactions
/// reversed, the change applied, the later ones reapplied (`semantics.md` §1.7), so the term ends as if every
/// change had been issued in effective-time order; across a renewal the next term is superseded.
@Suite struct OutOfSequenceRuleTests {
    let policy = BuiltInFixtures.policyA1

    func addVehicle(_ client: RecordingClient, at date: String, vin: String, on policy: String? = nil) -> String {
        client.create(policy ?? self.policy, "change",
                      #"[{"action": "params", "effectiveTime": "\#(date)T00:00:00Z"}, {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "\#(vin)"}}}]"#)
    }

    /// The term of the policy's first issued transaction, its summary's subsegments as (start, vins), and its payable.
    func outcome(_ client: RecordingClient) throws -> (subsegments: [String], payable: String) {
        let issuance = try #require(client.send(.get, "/policy/{t}/policies/\(policy)/issuedTransactions/list").json[0]?["locator"]?.stringValue)
        let term = try #require(client.send(.get, "/policy/{t}/transactions/\(issuance)").json["termLocator"]?.stringValue)
        let summary = client.send(.get, "/policy/{t}/terms/\(term)/summary").json
        let subsegments = (summary["subsegments"]?.arrayValue ?? []).map { piece in
            let vins = (piece["elements"]?.arrayValue ?? []).compactMap { $0["data"]?["vin"]?.stringValue }.sorted()
            return "\(piece["startTime"]?.stringValue ?? "?") \(vins.joined(separator: ","))"
        }
        let payable = client.send(.get, "/policy/{t}/terms/\(term)/payable").json["amount"]?.numberValue?.literal ?? "?"
        return (subsegments, payable)
    }

    @Test("issuing changes out of sequence ends in the term and payable of issuing them in sequence, through an aggregate", arguments: [
        (["2025-02-21"], "2024-11-21"), (["2025-01-21", "2025-04-21"], "2024-12-21"), (["2024-10-21", "2025-04-21", "2025-06-21"], "2025-01-21"),
    ])
    func outOfSequenceIsAggregated(issuedFirst: [String], outOfSequence: String) throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        var earlier: [String] = []
        var later: [(locator: String, date: String)] = []
        for (index, date) in issuedFirst.enumerated() {
            let locator = addVehicle(client, at: date, vin: "L\(index)")
            #expect(client.operate(locator, "issue") == "issued")
            if date > outOfSequence { later.append((locator, date)) } else { earlier.append(locator) }
        }
        let change = addVehicle(client, at: outOfSequence, vin: "OOS")
        #expect(client.operate(change, "issue") == "issued")

        let issued = client.send(.get, "/policy/{t}/transactions/\(change)").json
        let aggregateLocator = try #require(issued["aggregateTransactionLocator"]?.stringValue)
        let aggregate = client.send(.get, "/policy/{t}/transactions/\(aggregateLocator)").json
        #expect(aggregate["transactionCategory"] == "aggregate")
        #expect(aggregate["transactionState"] == "issued")
        let children = aggregate["aggregatedTransactions"]?.arrayValue ?? []
        #expect(children.compactMap { $0["transactionCategory"]?.stringValue } == ["reversal", "change"] + later.map { _ in "change" })
        #expect(children.compactMap { $0["aggregateTransactionLocator"]?.stringValue } == children.map { _ in aggregateLocator })
        #expect(children.dropFirst().first?["locator"]?.stringValue == change)
        #expect(children.dropFirst(2).compactMap { $0["effectiveTime"]?.stringValue } == later.map { "\($0.date)T00:00:00.000000Z" })
        #expect(children.allSatisfy { $0["transactionState"] == "issued" })
        for (locator, _) in later { #expect(client.send(.get, "/policy/{t}/transactions/\(locator)").json["transactionState"] == "reversed") }
        for locator in earlier { #expect(client.send(.get, "/policy/{t}/transactions/\(locator)").json["transactionState"] == "issued") }
        let affected = later.map { JSONValue.object(["locator": .string($0.locator), "action": "reversed"]) }
        #expect(client.send(.get, "/policy/{t}/transactions/\(aggregateLocator)/affectedTransactions").json == .array(affected))
        #expect(client.send(.get, "/policy/{t}/transactions/\(change)/affectedTransactions").json == .array(affected))
        let price = client.send(.get, "/policy/{t}/transactions/\(aggregateLocator)/price").json
        #expect(price["aggregatedTransactions"]?.arrayValue?.count == children.count)
        #expect(client.violations.isEmpty, "\(client.violations)")

        let inSequence = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let dated = zip(issuedFirst, issuedFirst.indices.map { "L\($0)" }) + [(outOfSequence, "OOS")]
        for (date, vin) in dated.sorted(by: { $0.0 < $1.0 }) { _ = inSequence.operate(addVehicle(inSequence, at: date, vin: vin), "issue") }
        let expected = try outcome(inSequence)
        let actual = try outcome(client)
        #expect(actual.subsegments == expected.subsegments)
        #expect(actual.payable == expected.payable)
    }

    @Test("at one instant the change created first comes first: issued after one created later it is out of sequence, one created after it is not")
    func sameInstantFollowsCreationOrder() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let first = addVehicle(client, at: "2025-01-21", vin: "FIRST")
        let second = addVehicle(client, at: "2025-01-21", vin: "SECOND")
        #expect(client.operate(second, "issue") == "issued")
        #expect(client.operate(first, "issue") == "issued")
        let aggregate = client.send(.get, "/policy/{t}/transactions/\(first)").json["aggregateTransactionLocator"]?.stringValue
        #expect(aggregate != nil, "the change created first is placed before the one created after it")
        #expect(client.send(.get, "/policy/{t}/transactions/\(second)").json["transactionState"] == "reversed")

        let third = addVehicle(client, at: "2025-01-21", vin: "THIRD")
        #expect(client.operate(third, "issue") == "issued")
        #expect(client.send(.get, "/policy/{t}/transactions/\(third)").json["aggregateTransactionLocator"] == nil,
                "created after every issued change at its instant, it is in sequence")
        let earlier = addVehicle(client, at: "2025-01-20", vin: "EARLIER")
        #expect(client.operate(earlier, "issue") == "issued")
        #expect(client.send(.get, "/policy/{t}/transactions/\(earlier)").json["aggregateTransactionLocator"] != nil,
                "a day before the changes issued at one instant, it is out of sequence")
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a later change that no longer fits after the out-of-sequence one is invalidated, and the aggregate says so")
    func laterChangeThatNoLongerFitsIsInvalidated() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let issuance = try #require(client.send(.get, "/policy/{t}/policies/\(policy)/issuedTransactions/list").json[0]?["locator"]?.stringValue)
        let segment = client.send(.get, "/policy/{t}/transactions/\(issuance)/segment").json
        let vehicle = try #require(segment["element"]?["elements"]?.arrayValue?.first { $0["type"] == "Vehicle" }?["staticLocator"]?.stringValue)
        let modify = client.create(policy, "change", #"""
            [{"action": "params", "effectiveTime": "2025-02-21T00:00:00Z"},
             {"action": "modify", "staticLocator": "\#(vehicle)", "setData": {"year": 2021}, "removeData": {}, "setCoverageTerms": {}, "removeCoverageTerms": {}}]
            """#)
        #expect(client.operate(modify, "issue") == "issued")
        let delete = client.create(policy, "change", #"[{"action": "params", "effectiveTime": "2024-11-21T00:00:00Z"}, {"action": "delete", "staticElementLocators": ["\#(vehicle)"]}]"#)
        #expect(client.operate(delete, "issue") == "issued")

        let aggregateLocator = try #require(client.send(.get, "/policy/{t}/transactions/\(delete)").json["aggregateTransactionLocator"]?.stringValue)
        let children = client.send(.get, "/policy/{t}/transactions/\(aggregateLocator)").json["aggregatedTransactions"]?.arrayValue ?? []
        #expect(children.compactMap { $0["transactionState"]?.stringValue } == ["issued", "issued", "invalidated"])
        let reapplication = try #require(children.last?["locator"]?.stringValue)
        #expect(client.send(.get, "/policy/{t}/transactions/\(aggregateLocator)/affectedTransactions").json
            == .array([.object(["locator": .string(modify), "action": "reversed"]),
                       .object(["locator": .string(reapplication), "action": "invalidated"])]))
        let (subsegments, _) = try outcome(client)
        #expect(subsegments.last == "2024-11-21T00:00:00.000000Z ")
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a later change the out-of-sequence one leaves outside the term (it moved the end before it) is invalidated")
    func laterChangePastANewEndIsInvalidated() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let late = addVehicle(client, at: "2025-06-21", vin: "LATE")
        #expect(client.operate(late, "issue") == "issued")
        let shorten = client.create(policy, "change", #"[{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z", "newPolicyEndTime": "2025-05-21T00:00:00Z"}]"#)
        #expect(client.operate(shorten, "issue") == "issued")
        let aggregateLocator = try #require(client.send(.get, "/policy/{t}/transactions/\(shorten)").json["aggregateTransactionLocator"]?.stringValue)
        let children = client.send(.get, "/policy/{t}/transactions/\(aggregateLocator)").json["aggregatedTransactions"]?.arrayValue ?? []
        #expect(children.compactMap { $0["transactionState"]?.stringValue } == ["issued", "issued", "invalidated"])
        let (subsegments, payable) = try outcome(client)
        #expect(subsegments.allSatisfy { !$0.contains("LATE") })
        #expect(payable == "468.75")
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("an out-of-sequence change before an issued renewal reaches the next term, which a new term supersedes")
    func renewalIsReappliedOnASupersedingTerm() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let policy = BuiltInFixtures.policyA2
        let renewal = client.create(policy, "renew", "[]")
        #expect(client.operate(renewal, "issue") == "issued")
        let renewedTerm = try #require(client.send(.get, "/policy/{t}/transactions/\(renewal)").json["termLocator"]?.stringValue)
        let before = client.send(.get, "/policy/{t}/terms/\(renewedTerm)").json
        let change = addVehicle(client, at: "2025-06-01", vin: "OOS", on: policy)
        #expect(client.operate(change, "issue") == "issued")

        #expect(client.send(.get, "/policy/{t}/transactions/\(renewal)").json["transactionState"] == "reversed")
        let terms = client.send(.get, "/policy/{t}/policies/\(policy)/terms/list").json.arrayValue ?? []
        try #require(terms.count == 2)
        let superseding = terms[1]
        #expect(superseding["supersedesTermLocator"]?.stringValue == renewedTerm)
        #expect(superseding["locator"] != before["locator"])
        for key in ["staticLocator", "startTime", "endTime", "number"] { #expect(superseding[key] == before[key]) }
        let newTerm = try #require(superseding["locator"]?.stringValue)
        let summary = client.send(.get, "/policy/{t}/terms/\(newTerm)/summary").json
        let vins = (summary["subsegments"]?[0]?["elements"]?.arrayValue ?? []).compactMap { $0["data"]?["vin"]?.stringValue }.sorted()
        #expect(vins == ["JH4KA7561PC008269", "OOS"])
        let aggregateLocator = try #require(client.send(.get, "/policy/{t}/transactions/\(change)").json["aggregateTransactionLocator"]?.stringValue)
        let children = client.send(.get, "/policy/{t}/transactions/\(aggregateLocator)").json["aggregatedTransactions"]?.arrayValue ?? []
        #expect(children.compactMap { $0["transactionCategory"]?.stringValue } == ["reversal", "change", "renewal"])
        #expect(children.last?["termLocator"]?.stringValue == newTerm)
        #expect(client.violations.isEmpty, "\(client.violations)")

        let inSequence = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        _ = inSequence.operate(addVehicle(inSequence, at: "2025-06-01", vin: "OOS", on: policy), "issue")
        let renewed = inSequence.create(policy, "renew", "[]")
        _ = inSequence.operate(renewed, "issue")
        let term = try #require(inSequence.send(.get, "/policy/{t}/transactions/\(renewed)").json["termLocator"]?.stringValue)
        #expect(client.send(.get, "/policy/{t}/terms/\(newTerm)/payable").json["amount"]
            == inSequence.send(.get, "/policy/{t}/terms/\(term)/payable").json["amount"])
        #expect(client.send(.get, "/policy/{t}/terms/\(renewedTerm)/payable").json["amount"]?.numberValue?.literal == "0.00")
    }
}
