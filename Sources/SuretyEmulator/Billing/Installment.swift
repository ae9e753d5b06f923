import Foundation
import SuretySchemas

/// One installment: a lattice frame's share of a transaction's (or quote's) charges, immutable once created except
/// for its generate, due and autopay times (`PATCH /installments`).
public struct Installment: Sendable, Hashable {
    /// One charge's part of the installment, in the currency's minor units.
    public struct Item: Sendable, Hashable {
        /// The item's locator.
        public var locator: String
        /// The charge it is part of.
        public var chargeLocator: String
        /// The element charged.
        public var elementLocator: String
        /// The element's static locator.
        public var elementStaticLocator: String
        /// The amount in minor units.
        public var amountMinorUnits: Int
        /// The charge's category (the emulator writes the charge type [I]).
        public var chargeCategory: String
        /// The charge type.
        public var chargeType: String
        /// For a reversal's item, the item it negates.
        public var reversalOfItemLocator: String?
    }

    /// The installment's locator.
    public var locator: String
    /// The account billed.
    public var accountLocator: String
    /// The lattice of its frame.
    public var latticeLocator: String
    /// The frame's index in that lattice.
    public var frameIndex: Int
    /// The policy.
    public var policyLocator: String?
    /// The term.
    public var termLocator: String?
    /// The transaction whose charges it bills.
    public var transactionLocator: String?
    /// The quote whose charges it bills.
    public var quoteLocator: String?
    /// For a reversal's installment, the one it negates.
    public var reversalOfInstallmentLocator: String?
    /// The currency.
    public var currency: String
    /// The currency's decimal places.
    public var currencyScale: Int
    /// The time zone.
    public var timeZone: String
    /// The installment range.
    public var installmentStart: Timestamp
    /// Its end.
    public var installmentEnd: Timestamp
    /// The coverage billed: the frame's coverage from the transaction's effective time.
    public var coverageStart: Timestamp
    /// Its end.
    public var coverageEnd: Timestamp
    /// The installment's duration in the policy's basis.
    public var installmentDuration: Decimal
    /// The coverage's duration in the policy's basis.
    public var coverageDuration: Decimal
    /// When it is invoiced.
    public var generateTime: Timestamp
    /// When it falls due.
    public var dueTime: Timestamp
    /// When autopay runs.
    public var autopayTime: Timestamp
    /// Its items, one per charge with a non-zero part.
    public var items: [Item]
    /// When it was created.
    public var createdAt: Timestamp
    /// Who created it.
    public var createdBy: String
    /// When its times were last changed (its creation until then).
    public var updatedAt: Timestamp
    /// Who changed them.
    public var updatedBy: String
}
