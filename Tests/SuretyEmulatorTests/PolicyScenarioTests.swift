import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

@Suite struct PolicyScenarioTests {
    let policy = BuiltInFixtures.policyA1

    @Test("cancel then reinstate leaves coverage, gap and coverage subsegments tiling the term")
    func cancelAndReinstate() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let cancel = client.create(policy, "cancel", #"{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z"}"#)
        #expect(client.operate(cancel, "issue") == "issued")
        let price = client.send(.get, "/policy/{t}/transactions/\(cancel)/price")
        #expect(price.json["charges"]?.arrayValue?.compactMap { $0["amount"]?.numberValue?.literal } == ["-14.58", "-350.00"])
        let reinstate = client.create(policy, "reinstate", #"[{"action": "params", "effectiveTime": "2025-02-21T00:00:00Z"}]"#)
        #expect(client.operate(reinstate, "issue") == "issued")
        let summary = client.send(.get, "/policy/{t}/policies/\(policy)/summary?termNumber=1")
        let subsegments = summary.json["subsegments"]?.arrayValue ?? []
        #expect(subsegments.map { $0["type"]?.stringValue } == ["coverage", "gap", "coverage"])
        #expect(subsegments.map { $0["startTime"]?.stringValue } == ["2024-08-21T00:00:00.000000Z", "2025-01-21T00:00:00.000000Z", "2025-02-21T00:00:00.000000Z"])
        #expect(subsegments.last?["endTime"] == "2025-08-21T00:00:00.000000Z")
        #expect(subsegments[1]["elements"]?[1]?["chargeSummaries"] == .object([]))
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a renewal creates the next term with no subsegments until it is issued")
    func renewal() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let renewal = client.create(policy, "renew", "[]")
        let terms = client.send(.get, "/policy/{t}/policies/\(policy)/terms/list?extended=true")
        #expect(terms.json["items"]?.arrayValue?.map { $0["number"] } == [1, 2])
        let next = try #require(terms.json["items"]?[1])
        #expect(next["startTime"] == "2025-08-21T00:00:00.000000Z")
        #expect(next["endTime"] == "2026-08-21T00:00:00.000000Z")
        let term = try #require(next["locator"]?.stringValue)
        #expect(client.send(.get, "/policy/{t}/terms/\(term)/summary").json["subsegments"] == [])
        #expect(client.send(.patch, "/policy/{t}/policies/\(policy)/renew", "[]").status == 422)
        #expect(client.operate(renewal, "issue") == "issued")
        #expect(client.send(.get, "/policy/{t}/terms/\(term)/summary").json["subsegments"]?.arrayValue?.count == 1)
        #expect(client.send(.get, "/policy/{t}/terms/\(term)/payable").json["amount"]?.numberValue?.literal == "625.00")
        #expect(client.send(.get, "/policy/{t}/terms/numbers/\(policy)-2").json.arrayValue?.count == 1)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a reversal marks the undone transactions reversed and nets their charges out of the payable")
    func reversal() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let issuance = try #require(client.send(.get, "/policy/{t}/policies/\(policy)/issuedTransactions/list").json[0]?["locator"]?.stringValue)
        let change = client.create(policy, "change", #"[{"action": "params", "effectiveTime": "2024-11-21T00:00:00Z"}, {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "V1"}}}]"#)
        #expect(client.operate(change, "issue") == "issued")
        let body = #"{"baseLocator": "\#(change)", "toTransaction": "\#(issuance)", "reverseTransactions": ["\#(change)"]}"#
        let reversal = client.create(policy, "reversal", body)
        #expect(client.operate(reversal, "issue") == "issued")
        #expect(client.send(.get, "/policy/{t}/transactions/\(change)").json["transactionState"] == "reversed")
        #expect(client.send(.get, "/policy/{t}/transactions/\(reversal)/affectedTransactions").json == [.object(["locator": .string(change), "action": "reversed"])])
        let term = try #require(client.send(.get, "/policy/{t}/transactions/\(issuance)").json["termLocator"]?.stringValue)
        #expect(client.send(.get, "/policy/{t}/terms/\(term)/payable").json["amount"]?.numberValue?.literal == "625.00")
        let issued = client.send(.get, "/policy/{t}/policies/\(policy)/issuedTransactions/list?extended=true")
        #expect(issued.json["items"]?.arrayValue?.compactMap { $0["locator"]?.stringValue } == [issuance, reversal])
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("elements and change instructions can be edited only in draft")
    func draftEdits() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let locator = client.create(policy, "addVehicle", #"[{"action": "params", "effectiveTime": "2024-11-21T00:00:00Z"}]"#)
        let added = client.send(.put, "/policy/{t}/transactions/\(locator)/elements", #"[{"type": "Vehicle", "data": {"vin": "V2"}}]"#)
        let vehicles = added.json[0]?["element"]?["elements"]?.arrayValue?.filter { $0["type"] == "Vehicle" } ?? []
        #expect(vehicles.count == 2)
        let newVehicle = try #require(vehicles.last?["staticLocator"]?.stringValue)
        client.send(.patch, "/policy/{t}/transactions/\(locator)/elements", #"[{"staticLocator": "\#(newVehicle)", "setData": {"color": {"name": "red"}}}]"#)
        let removed = client.send(.delete, "/policy/{t}/transactions/\(locator)/elements", #"["\#(newVehicle)"]"#)
        #expect(removed.json[0]?["element"]?["elements"]?.arrayValue?.filter { $0["type"] == "Vehicle" }.count == 1)
        let withInstruction = client.send(.put, "/policy/{t}/transactions/\(locator)/changeInstructions", #"{"action": "delete", "staticElementLocators": []}"#)
        let instruction = try #require(withInstruction.json["changeInstructions"]?.arrayValue?.last?["locator"]?.stringValue)
        client.send(.patch, "/policy/{t}/transactions/\(locator)/changeInstructions/\(instruction)", #"{"action": "delete", "staticElementLocators": ["\#(newVehicle)"]}"#)
        let after = client.send(.delete, "/policy/{t}/transactions/\(locator)/changeInstructions/\(instruction)")
        #expect(after.json["changeInstructions"]?.arrayValue?.count == 4)
        #expect(client.send(.get, "/policy/{t}/transactions/\(locator)/elements/changes").json["transactionType"] == "addVehicle")
        #expect(client.operate(locator, "initialize") == "initialized")
        #expect(client.send(.put, "/policy/{t}/transactions/\(locator)/elements", #"[{"type": "Vehicle"}]"#).status == 409)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }
}
