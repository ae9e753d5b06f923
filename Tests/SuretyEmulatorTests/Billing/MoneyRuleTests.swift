import Foundation
import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

/// Amounts in the currency's ISO 4217 minor units, spread and summarised without drift.
@Suite struct MoneyRuleTests {
    let policy = BuiltInFixtures.policyA1

    func backend(currency: String) throws -> EmulatedBackend {
        let text = BuiltInFixtures.json.replacingOccurrences(of: #""currency": "USD""#, with: #""currency": "\#(currency)""#)
        let fixtures = try EmulatorFixtures.load(bytes: Array(text.utf8), file: "built-in-\(currency)")
        return try EmulatedBackend(contract: EmulatorTestSupport.contract, fixtures: fixtures, clock: .manual(EmulatorTestSupport.start), seed: 42)
    }

    @Test("amounts are written with the currency's ISO 4217 minor units", arguments: [
        ("JPY", "625"), ("USD", "625.00"), ("KWD", "625.000"),
    ])
    func minorUnitsFollowTheCurrency(currency: String, payable: String) throws {
        let client = RecordingClient(backend: try backend(currency: currency))
        let term = try #require(client.send(.get, "/policy/{t}/policies/\(policy)/issuedTransactions/list").json[0]?["termLocator"]?.stringValue)
        #expect(client.send(.get, "/policy/{t}/terms/\(term)/payable").json["amount"]?.numberValue?.literal == payable)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("each part of a spread charge is within one minor unit of its exact share", arguments: [
        [Decimal](repeating: 1, count: 7), [3, 2, 1, 1], [Decimal(string: "0.5")!, Decimal(string: "1.5")!, 1, Decimal(string: "2.25")!],
    ])
    func spreadIsWithinOneMinorUnit(shares: [Decimal]) {
        let total = shares.reduce(0, +)
        for amount in [1_000, -1_000, 1, 999_999] {
            let parts = ChargeSpreader.split(amount, by: shares)
            #expect(parts.reduce(0, +) == amount)
            for (part, share) in zip(parts, shares) {
                let exact = Decimal(amount) * share / total
                #expect(abs(Decimal(part) - exact) < 1, "amount \(amount): part \(part) for exact share \(exact)")
            }
        }
    }

    @Test("a term summary's pieces add up exactly to what the issued transactions charged")
    func summaryAddsUpToCharges() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        for date in ["2024-09-03", "2024-11-17", "2025-02-09", "2025-05-28"] {
            let change = client.create(policy, "change", #"[{"action": "params", "effectiveTime": "\#(date)T00:00:00Z"}]"#)
            #expect(client.operate(change, "issue") == "issued")
        }
        var charged: [String: Decimal] = [:]
        for transaction in client.send(.get, "/policy/{t}/policies/\(policy)/issuedTransactions/list").json.arrayValue ?? [] {
            let locator = transaction["locator"]?.stringValue ?? ""
            for charge in client.send(.get, "/policy/{t}/transactions/\(locator)/price").json["charges"]?.arrayValue ?? [] {
                let key = "\(charge["elementStaticLocator"]?.stringValue ?? "")/\(charge["chargeType"]?.stringValue ?? "")"
                charged[key, default: 0] += Decimal(string: charge["amount"]?.numberValue?.literal ?? "0")!
            }
        }
        var summarised: [String: Decimal] = [:]
        for piece in client.send(.get, "/policy/{t}/policies/\(policy)/summary?termNumber=1").json["subsegments"]?.arrayValue ?? [] {
            for element in piece["elements"]?.arrayValue ?? [] {
                for member in element["chargeSummaries"]?.objectValue ?? [] {
                    summarised["\(element["staticLocator"]?.stringValue ?? "")/\(member.key)", default: 0] += Decimal(string: member.value.numberValue?.literal ?? "0")!
                }
            }
        }
        #expect(summarised == charged)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("installment settings may generate an installment on its due day but not after it", arguments: [(2, "issued"), (3, nil)])
    func generateNotAfterDue(dueLeadDays: Int, state: String?) throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        let preferences = #"{"installmentPreferences": {"cadence": "monthly", "generateLeadDays": 2, "dueLeadDays": \#(dueLeadDays), "installmentWeights": []}}"#
        let change = client.create(policy, "change", #"[{"action": "params", "effectiveTime": "2024-11-21T00:00:00Z", "preferences": \#(preferences)}]"#)
        let issue = client.send(.patch, "/policy/{t}/transactions/\(change)/issue")
        #expect(issue.status == (state == nil ? 422 : 200))
        #expect(issue.json["transactionState"]?.stringValue == state)
    }
}
