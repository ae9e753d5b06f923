import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas
import Testing

/// Changing the term's end (`newPolicyEndTime`) is priced: shortening refunds, extending charges.
@Suite struct PolicyEndRuleTests {
    let policy = BuiltInFixtures.policyA1

    func change(_ client: RecordingClient, end: String) -> EmulatorClient.Exchange {
        client.send(.patch, "/policy/{t}/policies/\(policy)/change",
                    #"[{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z", "newPolicyEndTime": "\#(end)"}]"#)
    }

    @Test("moving the end refunds or charges the months cut off or added", arguments: [
        ("2025-05-21T00:00:00Z", ["-150.00", "-6.25"], "468.75"), ("2025-09-21T00:00:00Z", ["50.00", "2.08"], "677.08"),
    ])
    func endChangeIsPriced(end: String, charges: [String], payable: String) throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let locator = try #require(change(client, end: end).json["locator"]?.stringValue)
        #expect(client.operate(locator, "issue") == "issued")
        let price = client.send(.get, "/policy/{t}/transactions/\(locator)/price").json
        #expect(Set(price["charges"]?.arrayValue?.compactMap { $0["amount"]?.numberValue?.literal } ?? []) == Set(charges))
        let term = try #require(client.send(.get, "/policy/{t}/transactions/\(locator)").json["termLocator"]?.stringValue)
        #expect(client.send(.get, "/policy/{t}/terms/\(term)/payable").json["amount"]?.numberValue?.literal == payable)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a new end must come after the change's effective time", arguments: [
        ("2025-01-21T00:00:01Z", 200), ("2025-01-21T00:00:00Z", 422),
    ])
    func endAfterEffectiveTime(end: String, status: Int) throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        #expect(change(client, end: end).status == status)
    }

    /// Minor units of a decimal literal with two decimals.
    static func cents(_ value: JSONValue?) -> Int {
        Int((value?.numberValue?.literal ?? "0").replacingOccurrences(of: ".", with: "")) ?? 0
    }

    @Test("billing follows a moved end: no installment past it, the term's installments sum to its payable", arguments: [
        ("2025-01-21T00:00:00Z", "2025-05-21T00:00:00Z"), ("2025-01-21T00:00:00Z", "2025-03-05T12:00:00Z"),
        ("2024-09-10T00:00:00Z", "2024-10-01T00:00:00Z"), ("2025-01-21T00:00:00Z", "2025-09-21T00:00:00Z"),
    ])
    func billingFollowsTheEnd(effective: String, end: String) throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let locator = client.create(policy, "change", #"[{"action": "params", "effectiveTime": "\#(effective)", "newPolicyEndTime": "\#(end)"}]"#)
        #expect(client.operate(locator, "issue") == "issued")
        let term = try #require(client.send(.get, "/policy/{t}/transactions/\(locator)").json["termLocator"]?.stringValue)
        let payable = Self.cents(client.send(.get, "/policy/{t}/terms/\(term)/payable").json["amount"])
        let installments = client.send(.get, "/billing/{t}/installments/policies/\(policy)/list").json.arrayValue ?? []
        let endTime = try #require(Timestamp(rfc3339: end))
        for installment in installments {
            for key in ["installmentEndTime", "coverageEndTime"] {
                let time = try #require(installment[key]?.stringValue.flatMap(Timestamp.init(rfc3339:)))
                #expect(time <= endTime, "\(key) \(time.rfc3339()) past the end \(end)")
            }
        }
        let items = installments.flatMap { $0["installmentItems"]?.arrayValue ?? [] }
        #expect(items.reduce(0) { $0 + Self.cents($1["amount"]) } == payable)
        let lattices = client.send(.get, "/billing/{t}/installmentLattices/policies/\(policy)/list?extended=true").json["items"]?.arrayValue ?? []
        let frames = lattices.last?["frames"]?.arrayValue ?? []
        #expect(frames.last?["installmentEndTime"]?.stringValue.flatMap(Timestamp.init(rfc3339:)) == endTime)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }
}
