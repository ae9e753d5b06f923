import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

/// The billing endpoints in process, every response checked against the contract.
@Suite struct BillingFlowTests {
    let policy = BuiltInFixtures.policyA1
    let quoteLocator = "01J6A00000000000000000QA01"

    /// Creates and issues a change on the policy effective at `effective` with the given installment preferences.
    static func issueChange(_ client: RecordingClient, on policy: String, effective: String, preferences: String?, addVehicle: Bool = true) -> String {
        let prefs = preferences.map { #", "preferences": {"installmentPreferences": \#($0)}"# } ?? ""
        let vehicle = addVehicle ? #", {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "V9"}}}"# : ""
        let change = client.create(policy, "change", #"[{"action": "params", "effectiveTime": "\#(effective)"\#(prefs)}\#(vehicle)]"#)
        #expect(client.operate(change, "issue") == "issued")
        return change
    }

    static func amounts(_ installments: [JSONValue], chargeType: String) -> [String] {
        installments.compactMap { installment in
            installment["installmentItems"]?.arrayValue?.first { $0["chargeType"]?.stringValue == chargeType }?["amount"]?.numberValue?.literal
        }
    }

    @Test("a fixture policy is billed on the product's default monthly plan: 12 installments, the fee's remainder one cent each on the last four")
    func seededPolicy() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let installments = try #require(client.send(.get, "/billing/{t}/installments/policies/\(policy)/list").json.arrayValue)
        #expect(installments.count == 12)
        #expect(Self.amounts(installments, chargeType: "premium") == Array(repeating: "50.00", count: 12))
        #expect(Self.amounts(installments, chargeType: "fee") == Array(repeating: "2.08", count: 8) + Array(repeating: "2.09", count: 4))
        let first = installments[0]
        #expect(first["installmentStartTime"] == "2024-08-21T00:00:00.000000Z")
        #expect(first["installmentEndTime"] == "2024-09-21T00:00:00.000000Z")
        #expect(first["generateTime"] == "2024-08-11T00:00:00.000000Z")
        #expect(first["dueTime"] == "2024-08-21T00:00:00.000000Z")
        #expect(first["autopayTime"] == "2024-08-20T00:00:00.000000Z")
        #expect(first["installmentDuration"]?.numberValue?.literal == "1")
        #expect(installments.last?["installmentEndTime"] == "2025-08-21T00:00:00.000000Z")
        let lattices = try #require(client.send(.get, "/billing/{t}/installmentLattices/policies/\(policy)/list?extended=true").json["items"]?.arrayValue)
        #expect(lattices.count == 1)
        #expect(lattices[0]["frames"]?.arrayValue?.count == 12)
        #expect(lattices[0]["frames"]?[0]?["normalizedWeight"]?.numberValue?.literal == "0.083333333333333")
        #expect(lattices[0]["reversalLattice"] == false)
        let settings = try #require(lattices[0]["settingsLocator"]?.stringValue)
        let fetched = client.send(.get, "/billing/{t}/settings/\(settings)")
        #expect(fetched.json["installmentSettings"]?["cadence"] == "monthly")
        #expect(fetched.json["installmentSettings"]?["generateLeadDays"] == 10)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a mid-term plan change makes a new lattice based on the old one: old frames before the change, the new plan's after")
    func midTermPlanChange() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let change = Self.issueChange(client, on: policy, effective: "2024-11-21T00:00:00Z",
                                      preferences: #"{"installmentPlanName": "quarterly", "installmentWeights": []}"#)
        let lattices = try #require(client.send(.get, "/billing/{t}/installmentLattices/policies/\(policy)/list").json.arrayValue)
        #expect(lattices.count == 2)
        #expect(lattices[1]["basedOnLocator"] == lattices[0]["locator"])
        #expect(lattices[1]["effectiveTime"] == "2024-11-21T00:00:00.000000Z")
        let starts = lattices[1]["frames"]?.arrayValue?.compactMap { $0["installmentStartTime"]?.stringValue }
        #expect(starts == ["2024-08-21T00:00:00.000000Z", "2024-09-21T00:00:00.000000Z", "2024-10-21T00:00:00.000000Z",
                           "2024-11-21T00:00:00.000000Z", "2025-02-21T00:00:00.000000Z", "2025-05-21T00:00:00.000000Z"])
        let installments = try #require(client.send(.get, "/billing/{t}/installments/transactions/\(change)/list").json.arrayValue)
        #expect(installments.map { $0["installmentFrameIndex"] } == [3, 4, 5])
        #expect(installments.allSatisfy { $0["installmentLatticeLocator"] == lattices[1]["locator"] })
        // The vehicle added for the last 9 months: 450.00, spread 2 : 1 : 1 by the plan's [3, 2] weights over three frames.
        #expect(Self.amounts(installments, chargeType: "premium") == ["225.00", "112.50", "112.50"])
        let settings = client.send(.get, "/billing/{t}/settings/\(lattices[1]["settingsLocator"]?.stringValue ?? "")")
        #expect(settings.json["installmentSettings"]?["cadence"] == "quarterly")
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a change on the same plan reuses the term's lattice and bills only the frames from its effective time")
    func samePlanChange() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let change = Self.issueChange(client, on: policy, effective: "2025-02-21T00:00:00Z", preferences: nil)
        #expect(client.send(.get, "/billing/{t}/installmentLattices/policies/\(policy)/list").json.arrayValue?.count == 1)
        let installments = try #require(client.send(.get, "/billing/{t}/installments/transactions/\(change)/list").json.arrayValue)
        #expect(installments.map { $0["installmentStartTime"]?.stringValue } == ["2025-02-21T00:00:00.000000Z", "2025-03-21T00:00:00.000000Z",
            "2025-04-21T00:00:00.000000Z", "2025-05-21T00:00:00.000000Z", "2025-06-21T00:00:00.000000Z", "2025-07-21T00:00:00.000000Z"])
        #expect(Self.amounts(installments, chargeType: "premium") == Array(repeating: "50.00", count: 6))
        #expect(client.send(.get, "/billing/{t}/installments/policies/\(policy)/list").json.arrayValue?.count == 18)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a renewal gets its own lattice for the new term, keeping the plan")
    func renewal() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let renewal = client.create(policy, "renew", "[]")
        #expect(client.operate(renewal, "issue") == "issued")
        let lattices = try #require(client.send(.get, "/billing/{t}/installmentLattices/policies/\(policy)/list").json.arrayValue)
        #expect(lattices.map { $0["termStartTime"]?.stringValue } == ["2024-08-21T00:00:00.000000Z", "2025-08-21T00:00:00.000000Z"])
        #expect(lattices[1]["termLocator"] != lattices[0]["termLocator"])
        #expect(lattices[1]["frames"]?.arrayValue?.count == 12)
        let installments = try #require(client.send(.get, "/billing/{t}/installments/transactions/\(renewal)/list").json.arrayValue)
        #expect(installments.count == 12)
        #expect(Self.amounts(installments, chargeType: "premium") == Array(repeating: "50.00", count: 12))
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a reversal negates the undone installments on a reversal lattice, item by item")
    func reversal() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let issuance = try #require(client.send(.get, "/policy/{t}/policies/\(policy)/issuedTransactions/list").json[0]?["locator"]?.stringValue)
        let change = Self.issueChange(client, on: policy, effective: "2024-11-21T00:00:00Z",
                                      preferences: #"{"cadence": "quarterly", "installmentWeights": []}"#)
        let body = #"{"baseLocator": "\#(change)", "toTransaction": "\#(issuance)", "reverseTransactions": ["\#(change)"]}"#
        let reversal = client.create(policy, "reversal", body)
        #expect(client.operate(reversal, "issue") == "issued")
        let originals = try #require(client.send(.get, "/billing/{t}/installments/transactions/\(change)/list").json.arrayValue)
        let negations = try #require(client.send(.get, "/billing/{t}/installments/transactions/\(reversal)/list").json.arrayValue)
        #expect(negations.count == originals.count)
        #expect(negations.map { $0["reversalOfInstallmentLocator"] } == originals.map { $0["locator"] })
        #expect(Self.amounts(negations, chargeType: "premium") == Self.amounts(originals, chargeType: "premium").map { "-" + $0 })
        let lattices = try #require(client.send(.get, "/billing/{t}/installmentLattices/policies/\(policy)/list").json.arrayValue)
        #expect(lattices.map { $0["reversalLattice"] } == [false, false, true])
        #expect(lattices[2]["basedOnLocator"] == lattices[1]["locator"])
        // The plan change was reversed, so the next change is billed on the original monthly lattice again.
        let later = Self.issueChange(client, on: policy, effective: "2025-05-21T00:00:00Z", preferences: nil)
        let next = try #require(client.send(.get, "/billing/{t}/installments/transactions/\(later)/list").json.arrayValue)
        #expect(next.first?["installmentLatticeLocator"] == lattices[0]["locator"])
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("PATCH /installments moves due, generate and autopay times and nothing else; inconsistent times are refused")
    func patchTimes() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let client = RecordingClient(backend: backend)
        let installments = try #require(client.send(.get, "/billing/{t}/installments/policies/\(policy)/list").json.arrayValue)
        let first = try #require(installments[0]["locator"]?.stringValue)
        try backend.advanceClock(bySeconds: 3_600)  // `try`: the clock admin throws once state is journaled (policy branch)
        let body = #"{"installmentLocators": ["\#(first)"], "dueTime": "2024-08-25T00:00:00Z", "autopayTime": "2024-08-24T00:00:00Z"}"#
        let patched = client.send(.patch, "/billing/{t}/installments", body)
        #expect(patched.status == 200)
        let again = try #require(client.send(.get, "/billing/{t}/installments/policies/\(policy)/list").json[0])
        #expect(again["dueTime"] == "2024-08-25T00:00:00.000000Z")
        #expect(again["autopayTime"] == "2024-08-24T00:00:00.000000Z")
        #expect(again["generateTime"] == installments[0]["generateTime"])
        #expect(again["installmentItems"] == installments[0]["installmentItems"])
        #expect(again["updatedAt"] == "2024-10-01T01:00:00.000000Z")
        #expect(again["createdAt"] == installments[0]["createdAt"])
        let late = #"{"installmentLocators": ["\#(first)"], "generateTime": "2024-09-01T00:00:00Z"}"#
        #expect(client.send(.patch, "/billing/{t}/installments", late).status == 422)
        #expect(client.send(.patch, "/billing/{t}/installments", #"{"installmentLocators": ["01J6A00000000000000000XX99"]}"#).status == 404)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a fixture quote with a billing member has a lattice and installments; unknown references list nothing")
    func quote() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let lattice = client.send(.get, "/billing/{t}/installmentLattices/quotes/\(quoteLocator)")
        #expect(lattice.status == 200)
        #expect(lattice.json["quoteLocator"]?.stringValue == quoteLocator)
        let installments = try #require(client.send(.get, "/billing/{t}/installments/quotes/\(quoteLocator)/list?extended=true").json["items"]?.arrayValue)
        #expect(installments.count == 12)
        #expect(installments.allSatisfy { $0["installmentLatticeLocator"] == lattice.json["locator"] })
        let unknown = "01J6A00000000000000000ZZ99"
        #expect(client.send(.get, "/billing/{t}/installments/quotes/\(unknown)/list").json == [])
        #expect(client.send(.get, "/billing/{t}/installments/policies/\(unknown)/list").json == [])
        #expect(client.send(.get, "/billing/{t}/installmentLattices/policies/\(unknown)/list").json == [])
        #expect(client.send(.get, "/billing/{t}/installmentLattices/quotes/\(unknown)").status == 404)
        #expect(client.send(.get, "/billing/{t}/settings/\(unknown)").status == 404)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }
}
