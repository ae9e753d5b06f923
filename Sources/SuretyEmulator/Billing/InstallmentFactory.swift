import Foundation
import SuretySchemas

/// Makes the installments of one set of charges on one lattice: the frames covering `[effective, end)`, each
/// charge split by ``ChargeSpreader`` so that its items sum exactly to it.
public struct InstallmentFactory: Sendable {
    /// Who and what the installments belong to.
    public struct Owner: Sendable, Hashable {
        /// The account billed.
        public var accountLocator: String
        /// The policy.
        public var policyLocator: String?
        /// The term.
        public var termLocator: String?
        /// The transaction.
        public var transactionLocator: String?
        /// The quote.
        public var quoteLocator: String?

        /// Creates an owner.
        public init(accountLocator: String, policyLocator: String? = nil, termLocator: String? = nil, transactionLocator: String? = nil,
                    quoteLocator: String? = nil) {
            self.accountLocator = accountLocator
            self.policyLocator = policyLocator
            self.termLocator = termLocator
            self.transactionLocator = transactionLocator
            self.quoteLocator = quoteLocator
        }
    }

    /// The lattice.
    public var lattice: InstallmentLattice
    /// The currency's decimal places.
    public var currencyScale: Int
    /// Which item takes the rounding remainder.
    public var remainder: ProductBilling.Remainder

    /// Creates a factory.
    public init(lattice: InstallmentLattice, currencyScale: Int, remainder: ProductBilling.Remainder) {
        self.lattice = lattice
        self.currencyScale = currencyScale
        self.remainder = remainder
    }

    /// The installments of `charges` effective over `[effective, end)`, oldest frame first; frames where every
    /// charge's part is zero make none.
    public func installments(of charges: [Charge], from effective: Timestamp, to end: Timestamp, owner: Owner, now: Timestamp,
                             user: String, makeID: () -> ULID) -> [Installment] {
        let shares = ChargeSpreader.shares(of: lattice.frames, from: effective, to: end)
        let parts = charges.map { ChargeSpreader.memoizedSplit($0.amountMinorUnits, by: shares.map(\.share), remainder: remainder) }
        let duration = { (start: Timestamp, end: Timestamp) in
            DurationCalculator.memoizedDuration(basis: lattice.durationBasis, timeZoneIdentifier: lattice.timeZone,
                                                termStart: lattice.termStart, from: start, to: end)
        }
        let billing = Shared(Installment.Billing(
            accountLocator: owner.accountLocator, latticeLocator: lattice.locator, policyLocator: owner.policyLocator,
            termLocator: owner.termLocator, transactionLocator: owner.transactionLocator, quoteLocator: owner.quoteLocator,
            currency: lattice.currency, currencyScale: currencyScale, timeZone: lattice.timeZone, createdAt: now, createdBy: user))
        let shared = charges.map { charge in
            Shared(Installment.Item.Charge(chargeLocator: charge.locator, elementLocator: charge.elementLocator,
                                           elementStaticLocator: charge.elementStaticLocator, chargeCategory: charge.chargeType,
                                           chargeType: charge.chargeType))
        }
        var result: [Installment] = []
        for (position, share) in shares.enumerated() {
            let frame = lattice.frames[share.index]
            let id = makeID()
            let items = charges.indices.compactMap { index -> Installment.Item? in
                let amount = parts[index][position]
                guard amount != 0 else { return nil }
                return Installment.Item(id: makeID(), charge: shared[index], amountMinorUnits: amount)
            }
            guard !items.isEmpty else { continue }
            let coverageStart = max(frame.coverageStart, min(effective, frame.coverageEnd))
            result.append(Installment(
                id: id, billing: billing, frameIndex: share.index,
                installmentStart: frame.installmentStart, installmentEnd: frame.installmentEnd, coverageStart: coverageStart,
                coverageEnd: frame.coverageEnd,
                installmentDuration: duration(frame.installmentStart, frame.installmentEnd),
                coverageDuration: duration(coverageStart, frame.coverageEnd),
                generateTime: frame.generateTime, dueTime: frame.dueTime, autopayTime: frame.autopayTime, items: items,
                updatedAt: now, updatedBy: user))
        }
        return result
    }

    /// The negation of `originals` on this (reversal) lattice, frame `i` holding original `i`; `charges` maps each
    /// original charge locator to the reversal's charge.
    public func reversals(of originals: [Installment], charges: [String: String], owner: Owner, now: Timestamp, user: String,
                          makeID: () -> ULID) -> [Installment] {
        // The originals of one billing make reversals that share one billing, and an original charge's items share
        // one reversal charge, as the factory's own installments do.
        var billings: [ObjectIdentifier: Shared<Installment.Billing>] = [:]
        var reversedCharges: [ObjectIdentifier: Shared<Installment.Item.Charge>] = [:]
        return originals.enumerated().map { index, original in
            var copy = original
            copy.id = makeID()
            copy.frameIndex = index
            copy.reversalOf = original.id
            let billing = original.sharedBilling
            copy.sharedBilling = billings[ObjectIdentifier(billing)] ?? billing.with {
                $0.latticeLocator = lattice.locator
                $0.transactionLocator = owner.transactionLocator
                $0.createdAt = now
                $0.createdBy = user
            }
            billings[ObjectIdentifier(billing)] = copy.sharedBilling
            copy.items = original.items.map { item in
                let charge = item.sharedCharge
                let reversed = reversedCharges[ObjectIdentifier(charge)] ?? charge.with { $0.chargeLocator = charges[$0.chargeLocator] ?? $0.chargeLocator }
                reversedCharges[ObjectIdentifier(charge)] = reversed
                return Installment.Item(id: makeID(), charge: reversed, amountMinorUnits: -item.amountMinorUnits,
                                        reversalOfItem: item.id)
            }
            copy.updatedAt = now
            copy.updatedBy = user
            return copy
        }
    }
}
