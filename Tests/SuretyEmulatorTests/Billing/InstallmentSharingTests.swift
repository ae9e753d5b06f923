@testable import SuretyEmulator
import SuretySchemas
import Testing

/// An installment holds what its billing's installments share, and what a charge's items share, once: sharing saves
/// memory and changes nothing a reader sees.
@Suite struct InstallmentSharingTests {
    let policy = BuiltInFixtures.policyA1

    /// Installment `number`'s ULID, and its item's.
    static func id(_ number: UInt64, item: Bool = false) -> ULID { ULID(upper: item ? 1 : 0, lower: number) }

    static func installment(_ number: UInt64, billing: Shared<Installment.Billing>, charge: Shared<Installment.Item.Charge>) -> Installment {
        let now = Timestamp(rfc3339: "2024-10-01T00:00:00Z")!
        return Installment(id: id(number), billing: billing, frameIndex: 0, installmentStart: now, installmentEnd: now,
                           coverageStart: now, coverageEnd: now, installmentDuration: 1, coverageDuration: 1, generateTime: now,
                           dueTime: now, autopayTime: now, items: [Installment.Item(id: id(number, item: true), charge: charge, amountMinorUnits: 100)],
                           updatedAt: now, updatedBy: "u")
    }

    static let billing = Shared(Installment.Billing(accountLocator: "A", latticeLocator: "L1", policyLocator: "P", termLocator: "T",
                                                    transactionLocator: "X", quoteLocator: nil, currency: "USD", currencyScale: 2,
                                                    timeZone: "UTC", createdAt: Timestamp(rfc3339: "2024-10-01T00:00:00Z")!, createdBy: "u"))
    static let charge = Shared(Installment.Item.Charge(chargeLocator: "C1", elementLocator: "E", elementStaticLocator: "S",
                                                       chargeCategory: "premium", chargeType: "premium"))

    @Test("changing a shared field of one installment, or an item's charge, leaves the others that share it untouched")
    func writesDoNotReachSiblings() {
        var moved = Self.installment(1, billing: Self.billing, charge: Self.charge)
        let sibling = Self.installment(2, billing: Self.billing, charge: Self.charge)
        moved.latticeLocator = "L2"
        let recharged = Self.charge.with { $0.chargeLocator = "C2" }
        moved.items[0] = Installment.Item(id: Self.id(1, item: true), charge: recharged, amountMinorUnits: 100)
        #expect(moved.latticeLocator == "L2" && moved.items[0].chargeLocator == "C2")
        #expect(sibling.latticeLocator == "L1" && sibling.items[0].chargeLocator == "C1")
        #expect(Self.billing.value.latticeLocator == "L1" && Self.charge.value.chargeLocator == "C1")
        #expect(moved.accountLocator == "A" && moved.items[0].chargeType == "premium")
    }

    @Test("installments are equal by value, whichever holder their shared fields sit in")
    func equalityIsByValue() {
        let copy = Shared(Self.billing.value), otherCharge = Shared(Self.charge.value)
        #expect(Self.installment(1, billing: Self.billing, charge: Self.charge) == Self.installment(1, billing: copy, charge: otherCharge))
        #expect(Self.installment(1, billing: Self.billing, charge: Self.charge).hashValue == Self.installment(1, billing: copy, charge: otherCharge).hashValue)
        #expect(Self.installment(1, billing: Self.billing, charge: Self.charge) != Self.installment(1, billing: Self.billing.with { $0.currency = "EUR" }, charge: Self.charge))
    }

    @Test("a billed change's installments share one billing and its charge's items one charge; its reversal's share new ones")
    func billingsShare() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let client = RecordingClient(backend: backend)
        let issuance = try #require(client.send(.get, "/policy/{t}/policies/\(policy)/issuedTransactions/list").json[0]?["locator"]?.stringValue)
        let change = BillingFlowTests.issueChange(client, on: policy, effective: "2024-11-21T00:00:00Z", preferences: nil)
        let body = #"{"baseLocator": "\#(change)", "toTransaction": "\#(issuance)", "reverseTransactions": ["\#(change)"]}"#
        let reversal = client.create(policy, "reversal", body)
        #expect(client.operate(reversal, "issue") == "issued")
        let billing = try #require(backend.state.tenants[BuiltInFixtures.tenantA]?.billing)
        let originals = billing.installments(of: change), negations = billing.installments(of: reversal)
        #expect(originals.count == 9 && negations.count == 9)
        #expect(originals.allSatisfy { $0.sharedBilling === originals[0].sharedBilling && $0.transactionLocator == change })
        #expect(originals.allSatisfy { $0.items.count == 1 && $0.items[0].sharedCharge === originals[0].items[0].sharedCharge })
        #expect(negations.allSatisfy { $0.sharedBilling === negations[0].sharedBilling && $0.transactionLocator == reversal })
        #expect(negations.allSatisfy { $0.items[0].sharedCharge === negations[0].items[0].sharedCharge })
        #expect(negations[0].sharedBilling !== originals[0].sharedBilling)
        #expect(negations[0].latticeLocator != originals[0].latticeLocator)
        #expect(negations[0].items[0].chargeLocator != originals[0].items[0].chargeLocator)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }
}
