import SuretySchemas
@testable import SuretyEmulator
import Testing

/// ``ULID`` holds a locator's 128 bits; ``ULIDBlock`` reserves 1,024 consecutive ones, and ``BillingLedger`` stores
/// a billing's installments by block.
@Suite struct ULIDBlockTests {
    let start = Timestamp(rfc3339: "2024-10-01T00:00:00Z")!

    @Test("a ULID reads back from the text it writes, and only from canonical text")
    func roundTrip() {
        var generator = ULIDGenerator(seed: 7)
        for _ in 0..<100 {
            let text = generator.next(at: start)
            #expect(ULID(text)?.string == text)
        }
        #expect(ULID("01J92P0V000HTJXBF54D5NKM03")?.string == "01J92P0V000HTJXBF54D5NKM03")
        #expect(ULID("01j92p0v000htjxbf54d5nkm03") == nil)  // lookups are exact, as they were for strings
        #expect(ULID("01J92P0V000HTJXBF54D5NKM0") == nil)
        #expect(ULID("01J92P0V000HTJXBF54D5NKM033") == nil)
        #expect(ULID("81J92P0V000HTJXBF54D5NKM03") == nil)  // over 128 bits
        #expect(ULID("01J92P0V000HTJXBF54D5NKMUI") == nil)  // not Crockford's alphabet
        #expect(ULID(upper: 0, lower: .max).advanced(by: 1) == ULID(upper: 1, lower: 0))
    }

    @Test("a list of ULIDs is written as their locators joined by the separator, the extremes of the 128 bits included")
    func list() {
        var generator = ULIDGenerator(seed: 11)
        let ids = (0..<40).map { _ in generator.nextValue(at: start) } + [ULID(upper: 0, lower: 0), ULID(upper: .max, lower: .max)]
        for count in [0, 1, 2, ids.count] {
            let chosen = Array(ids.prefix(count))
            #expect(ULID.list(chosen, separator: ",") == chosen.map(\.string).joined(separator: ","))
        }
        #expect(ULID.list([ULID(upper: 0, lower: 0)], separator: ",") == "00000000000000000000000000")
        #expect(ULID.list(Array(ids.prefix(3)), separator: "é") == ids.prefix(3).map(\.string).joined(separator: "é"))
        #expect(ULID.list(Array(ids.prefix(3)), separator: "\r\n") == ids.prefix(3).map(\.string).joined(separator: "\r\n"))
    }

    @Test("a block is 1,024 aligned ULIDs sharing 24 characters; the generator goes on after it, still in order")
    func blocks() {
        var generator = ULIDGenerator(seed: 7)
        let before = generator.nextValue(at: start)
        var block = generator.reserveBlock(at: start)
        var taken: [ULID] = []
        while let id = block.take() { taken.append(id) }
        #expect(taken.count == 1_024)
        #expect(taken[0].lower & 1_023 == 0 && taken[0] > before)
        #expect(zip(taken, taken.dropFirst()).allSatisfy { $0.advanced(by: 1) == $1 })
        #expect(Set(taken.map { ULIDBlock.key(of: $0) }) == [String(taken[0].string.prefix(24))])
        #expect(taken.allSatisfy { ULIDBlock.same($0, taken[0]) })
        let after = generator.nextValue(at: start)
        #expect(after > taken[1_023] && !ULIDBlock.same(after, taken[0]))
    }

    @Test("a billing that needs more than one block's locators spans blocks, and every installment is found by its locator")
    func billingAcrossBlocks() throws {
        var context = OperationContext(now: start, user: "u", ids: ULIDGenerator(seed: 3), options: EmulatorOptions())
        var block: ULIDBlock?
        let ids = (0..<2_500).map { _ in context.makeID(in: &block) }
        #expect(Set(ids.map { ULIDBlock.key(of: $0) }).count == 3)
        let billing = Shared(Installment.Billing(accountLocator: "A", latticeLocator: "L", policyLocator: "P", termLocator: "T",
                                                 transactionLocator: "X", quoteLocator: nil, currency: "USD", currencyScale: 2,
                                                 timeZone: "UTC", createdAt: start, createdBy: "u"))
        let made = ids.map { id in
            Installment(id: id, billing: billing, frameIndex: 0, installmentStart: start, installmentEnd: start, coverageStart: start,
                        coverageEnd: start, installmentDuration: 1, coverageDuration: 1, generateTime: start, dueTime: start,
                        autopayTime: start, items: [], updatedAt: start, updatedBy: "u")
        }
        var ledger = BillingLedger()
        ledger.add(made, billing: "X")
        #expect(ledger.installmentCount == 2_500)
        #expect(ledger.installments(of: "P").map(\.id) == ids)
        #expect(ledger.installments(of: "X").map(\.id) == ids)
        for index in [0, 1_023, 1_024, 2_047, 2_048, 2_499] { #expect(ledger.installment(made[index].locator) == made[index]) }
        #expect(ledger.installment(made[0].locator.lowercased()) == nil)
        // Removing every installment of a block removes the block from the listings.
        for installment in made[1_024..<2_048] { ledger.remove(installment: installment.locator) }
        #expect(ledger.installmentCount == 1_476)
        #expect(ledger.installments(of: "P").map(\.id) == Array(ids[0..<1_024] + ids[2_048...]))
        ledger.removeInstallments(of: "X")
        #expect(ledger.installmentCount == 0 && ledger.installments(of: "P").isEmpty && ledger.allInstallments.isEmpty)
    }

    @Test("a refused request that billed leaves the installment count as it was (the count is undone with the tables)")
    func countIsUndone() throws {
        var ledger = BillingLedger()
        ledger.beginChange(ChangeEpoch.next())
        var context = OperationContext(now: start, user: "u", ids: ULIDGenerator(seed: 3), options: EmulatorOptions())
        var block: ULIDBlock?
        let billing = Shared(Installment.Billing(accountLocator: "A", latticeLocator: "L", policyLocator: "P", termLocator: "T",
                                                 transactionLocator: "X", quoteLocator: nil, currency: "USD", currencyScale: 2,
                                                 timeZone: "UTC", createdAt: start, createdBy: "u"))
        let made = Installment(id: context.makeID(in: &block), billing: billing, frameIndex: 0, installmentStart: start, installmentEnd: start,
                               coverageStart: start, coverageEnd: start, installmentDuration: 1, coverageDuration: 1, generateTime: start,
                               dueTime: start, autopayTime: start, items: [], updatedAt: start, updatedBy: "u")
        ledger.add([made], billing: "X")
        #expect(ledger.installmentCount == 1 && ledger.recordCount == 1)
        ledger.endChange(keeping: false)
        #expect(ledger.installmentCount == 0 && ledger == BillingLedger())
    }
}
