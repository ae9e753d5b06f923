import Foundation
import SuretySchemas

/// One installment: a lattice frame's share of a transaction's (or quote's) charges, immutable once created except
/// for its generate, due and autopay times (`PATCH /installments`).
///
/// A tenant holds ten or more installments for every change it bills, so an installment is kept small: what all the
/// installments of one billing share (``Billing``) and what all the items of one charge share (``Item/Charge``) are
/// held once, by reference, and read and written through the same properties as the rest.
public struct Installment: Sendable, Hashable {
    /// One charge's part of the installment, in the currency's minor units.
    public struct Item: Sendable, Hashable {
        /// What every item of one charge shares, held once for all of them.
        public struct Charge: Sendable, Hashable {
            /// The charge.
            public var chargeLocator: String
            /// The element charged.
            public var elementLocator: String
            /// The element's static locator.
            public var elementStaticLocator: String
            /// The charge's category (the emulator writes the charge type [I]).
            public var chargeCategory: String
            /// The charge type.
            public var chargeType: String

            /// Creates a charge's part of its items.
            public init(chargeLocator: String, elementLocator: String, elementStaticLocator: String, chargeCategory: String,
                        chargeType: String) {
                self.chargeLocator = chargeLocator
                self.elementLocator = elementLocator
                self.elementStaticLocator = elementStaticLocator
                self.chargeCategory = chargeCategory
                self.chargeType = chargeType
            }
        }

        /// The item's locator, held as its 128 bits.
        public var id: ULID
        /// The charge's part, shared with the charge's other items.
        private var charge: Shared<Charge>
        /// The amount in minor units.
        public var amountMinorUnits: Int
        /// For a reversal's item, the item it negates.
        public var reversalOfItem: ULID?

        /// Creates an item whose charge fields are held by `charge`, shared with every item made from the same one.
        public init(id: ULID, charge: Shared<Charge>, amountMinorUnits: Int, reversalOfItem: ULID? = nil) {
            self.id = id
            self.charge = charge
            self.amountMinorUnits = amountMinorUnits
            self.reversalOfItem = reversalOfItem
        }

        /// The item's locator.
        public var locator: String { id.string }
        /// For a reversal's item, the locator of the item it negates.
        public var reversalOfItemLocator: String? { reversalOfItem?.string }

        /// The shared part, to hand to the items made from the same charge.
        public var sharedCharge: Shared<Charge> { charge }

        /// The charge it is part of.
        public var chargeLocator: String { charge.value.chargeLocator }
        /// The element charged.
        public var elementLocator: String { charge.value.elementLocator }
        /// The element's static locator.
        public var elementStaticLocator: String { charge.value.elementStaticLocator }
        /// The charge's category (the emulator writes the charge type [I]).
        public var chargeCategory: String { charge.value.chargeCategory }
        /// The charge type.
        public var chargeType: String { charge.value.chargeType }
    }

    /// What every installment of one billing shares: owner, lattice, money and creation.
    public struct Billing: Sendable, Hashable {
        /// The account billed.
        public var accountLocator: String
        /// The lattice of its frame.
        public var latticeLocator: String
        /// The policy.
        public var policyLocator: String?
        /// The term.
        public var termLocator: String?
        /// The transaction whose charges it bills.
        public var transactionLocator: String?
        /// The quote whose charges it bills.
        public var quoteLocator: String?
        /// The currency.
        public var currency: String
        /// The currency's decimal places.
        public var currencyScale: Int
        /// The time zone.
        public var timeZone: String
        /// When it was created.
        public var createdAt: Timestamp
        /// Who created it.
        public var createdBy: String

        /// Creates a billing's part of its installments.
        public init(accountLocator: String, latticeLocator: String, policyLocator: String?, termLocator: String?,
                    transactionLocator: String?, quoteLocator: String?, currency: String, currencyScale: Int, timeZone: String,
                    createdAt: Timestamp, createdBy: String) {
            self.accountLocator = accountLocator
            self.latticeLocator = latticeLocator
            self.policyLocator = policyLocator
            self.termLocator = termLocator
            self.transactionLocator = transactionLocator
            self.quoteLocator = quoteLocator
            self.currency = currency
            self.currencyScale = currencyScale
            self.timeZone = timeZone
            self.createdAt = createdAt
            self.createdBy = createdBy
        }
    }

    /// The installment's locator, held as its 128 bits (a tenant holds many installments: see ``BillingLedger``).
    public var id: ULID
    /// The billing's part, shared with the billing's other installments.
    private var billing: Shared<Billing>
    /// The frame's index in that lattice.
    public var frameIndex: Int
    /// For a reversal's installment, the one it negates.
    public var reversalOf: ULID?
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
    /// When its times were last changed (its creation until then).
    public var updatedAt: Timestamp
    /// Who changed them.
    public var updatedBy: String

    /// Creates an installment whose shared fields are held by `billing`.
    public init(id: ULID, billing: Shared<Billing>, frameIndex: Int, reversalOf: ULID? = nil,
                installmentStart: Timestamp, installmentEnd: Timestamp, coverageStart: Timestamp, coverageEnd: Timestamp,
                installmentDuration: Decimal, coverageDuration: Decimal, generateTime: Timestamp, dueTime: Timestamp,
                autopayTime: Timestamp, items: [Item], updatedAt: Timestamp, updatedBy: String) {
        self.id = id
        self.billing = billing
        self.frameIndex = frameIndex
        self.reversalOf = reversalOf
        self.installmentStart = installmentStart
        self.installmentEnd = installmentEnd
        self.coverageStart = coverageStart
        self.coverageEnd = coverageEnd
        self.installmentDuration = installmentDuration
        self.coverageDuration = coverageDuration
        self.generateTime = generateTime
        self.dueTime = dueTime
        self.autopayTime = autopayTime
        self.items = items
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// The installment's locator.
    public var locator: String { id.string }
    /// For a reversal's installment, the locator of the one it negates.
    public var reversalOfInstallmentLocator: String? { reversalOf?.string }

    /// The shared part, to hand to the installments made with this one.
    public var sharedBilling: Shared<Billing> {
        get { billing }
        set { billing = newValue }
    }

    /// The account billed.
    public var accountLocator: String { billing.value.accountLocator }
    /// The lattice of its frame (set only when a term's end moves an installment onto another lattice).
    public var latticeLocator: String {
        get { billing.value.latticeLocator }
        set { billing = billing.with { $0.latticeLocator = newValue } }
    }
    /// The policy.
    public var policyLocator: String? { billing.value.policyLocator }
    /// The term.
    public var termLocator: String? { billing.value.termLocator }
    /// The transaction whose charges it bills.
    public var transactionLocator: String? { billing.value.transactionLocator }
    /// The quote whose charges it bills.
    public var quoteLocator: String? { billing.value.quoteLocator }
    /// The currency.
    public var currency: String { billing.value.currency }
    /// The currency's decimal places.
    public var currencyScale: Int { billing.value.currencyScale }
    /// The time zone.
    public var timeZone: String { billing.value.timeZone }
    /// When it was created.
    public var createdAt: Timestamp { billing.value.createdAt }
    /// Who created it.
    public var createdBy: String { billing.value.createdBy }
}
