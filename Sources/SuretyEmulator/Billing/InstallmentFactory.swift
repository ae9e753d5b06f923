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
                             user: String, makeLocator: () -> String) -> [Installment] {
        let shares = ChargeSpreader.shares(of: lattice.frames, from: effective, to: end)
        let parts = charges.map { ChargeSpreader.memoizedSplit($0.amountMinorUnits, by: shares.map(\.share), remainder: remainder) }
        let calculator = DurationCalculator(basis: lattice.durationBasis, timeZoneIdentifier: lattice.timeZone, termStart: lattice.termStart)
        var result: [Installment] = []
        for (position, share) in shares.enumerated() {
            let frame = lattice.frames[share.index]
            let locator = makeLocator()
            let items = charges.indices.compactMap { index -> Installment.Item? in
                let amount = parts[index][position]
                guard amount != 0 else { return nil }
                let charge = charges[index]
                return Installment.Item(locator: makeLocator(), chargeLocator: charge.locator, elementLocator: charge.elementLocator,
                                        elementStaticLocator: charge.elementStaticLocator, amountMinorUnits: amount,
                                        chargeCategory: charge.chargeType, chargeType: charge.chargeType)
            }
            guard !items.isEmpty else { continue }
            let coverageStart = max(frame.coverageStart, min(effective, frame.coverageEnd))
            result.append(Installment(
                locator: locator, accountLocator: owner.accountLocator, latticeLocator: lattice.locator, frameIndex: share.index,
                policyLocator: owner.policyLocator, termLocator: owner.termLocator, transactionLocator: owner.transactionLocator,
                quoteLocator: owner.quoteLocator, currency: lattice.currency, currencyScale: currencyScale, timeZone: lattice.timeZone,
                installmentStart: frame.installmentStart, installmentEnd: frame.installmentEnd, coverageStart: coverageStart,
                coverageEnd: frame.coverageEnd,
                installmentDuration: calculator.duration(from: frame.installmentStart, to: frame.installmentEnd),
                coverageDuration: calculator.duration(from: coverageStart, to: frame.coverageEnd),
                generateTime: frame.generateTime, dueTime: frame.dueTime, autopayTime: frame.autopayTime, items: items,
                createdAt: now, createdBy: user, updatedAt: now, updatedBy: user))
        }
        return result
    }

    /// The negation of `originals` on this (reversal) lattice, frame `i` holding original `i`; `charges` maps each
    /// original charge locator to the reversal's charge.
    public func reversals(of originals: [Installment], charges: [String: String], owner: Owner, now: Timestamp, user: String,
                          makeLocator: () -> String) -> [Installment] {
        originals.enumerated().map { index, original in
            var copy = original
            copy.locator = makeLocator()
            copy.latticeLocator = lattice.locator
            copy.frameIndex = index
            copy.transactionLocator = owner.transactionLocator
            copy.reversalOfInstallmentLocator = original.locator
            copy.items = original.items.map { item in
                var negated = item
                negated.locator = makeLocator()
                negated.chargeLocator = charges[item.chargeLocator] ?? item.chargeLocator
                negated.amountMinorUnits = -item.amountMinorUnits
                negated.reversalOfItemLocator = item.locator
                return negated
            }
            copy.createdAt = now
            copy.createdBy = user
            copy.updatedAt = now
            copy.updatedBy = user
            return copy
        }
    }
}
