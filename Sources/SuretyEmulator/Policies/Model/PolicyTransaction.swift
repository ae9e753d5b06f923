import SuretyJSON
import SuretySchemas

/// A policy transaction: a change to a policy moving through the lifecycle from draft to issued.
public struct PolicyTransaction: Sendable, Hashable {
    /// Why another transaction was affected by this one.
    public enum Effect: String, Sendable, Hashable {
        case reversed, reapplied, invalidated
    }

    /// The transaction's locator.
    public var locator: String
    /// The policy.
    public var policyLocator: String
    /// The term it changes (for a renewal, the new term).
    public var termLocator: String
    /// When it takes effect.
    public var effectiveTime: Timestamp
    /// Its state.
    public var state: TransactionState
    /// Its category.
    public var category: TransactionCategory
    /// The transaction type, e.g. `change` or a product-defined name.
    public var transactionType: String
    /// When it was created.
    public var createdAt: Timestamp
    /// Who created it.
    public var createdBy: String
    /// The top-most non-reversed issued transaction below it when it was created; nil for issuance.
    public var baseTransactionLocator: String?
    /// When it was issued.
    public var issuedTime: Timestamp?
    /// When it was accepted.
    public var acceptedTime: Timestamp?
    /// Its change instructions, in order.
    public var changeInstructions: [ChangeInstruction]
    /// Its segment, once initialized.
    public var segmentLocator: String?
    /// Its charges, once priced.
    public var charges: [Charge]
    /// Its underwriting flags, active and cleared.
    public var underwritingFlags: [UnderwritingFlag]
    /// The outcome of the last underwriting run.
    public var underwritingStatus: String?
    /// The last validation's findings, when it failed.
    public var validationFailures: [ValidationFinding]?
    /// For a reversal: the transactions it undoes.
    public var reversedLocators: [String]
    /// For a reversal: the transaction whose state it restores (`toTransaction`).
    public var reversalTargetLocator: String?
    /// Transactions this one affected when it was issued, and how.
    public var affected: [(locator: String, effect: Effect)]
    /// For a member of an out-of-sequence aggregate: the aggregate.
    public var aggregateTransactionLocator: String?
    /// For an aggregate: its members in order (reversals, the out-of-sequence transaction, reapplications).
    public var aggregatedLocators: [String] = []
    /// For a reapplication in an aggregate: the reversed transaction it applies again (its `staticLocator`).
    public var reapplicationOfLocator: String?
    /// The term's end before this transaction's `newPolicyEndTime` moved it, once issued; a reversal of it puts the end back.
    public var replacedEndTime: Timestamp?

    /// Creates a draft transaction.
    public init(locator: String, policyLocator: String, termLocator: String, effectiveTime: Timestamp,
                category: TransactionCategory, transactionType: String, createdAt: Timestamp, createdBy: String,
                baseTransactionLocator: String?, changeInstructions: [ChangeInstruction]) {
        self.locator = locator
        self.policyLocator = policyLocator
        self.termLocator = termLocator
        self.effectiveTime = effectiveTime
        self.state = .draft
        self.category = category
        self.transactionType = transactionType
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.baseTransactionLocator = baseTransactionLocator
        self.changeInstructions = changeInstructions
        self.charges = []
        self.underwritingFlags = []
        self.reversedLocators = []
        self.affected = []
    }

    /// The parameters of its last params instruction.
    public var parameters: ChangeInstruction.Parameters? { changeInstructions.compactMap(\.parameters).last }

    /// Transactions are equal when every field is.
    public static func == (lhs: PolicyTransaction, rhs: PolicyTransaction) -> Bool {
        lhs.locator == rhs.locator && lhs.state == rhs.state && lhs.changeInstructions == rhs.changeInstructions
            && lhs.segmentLocator == rhs.segmentLocator && lhs.charges == rhs.charges && lhs.underwritingFlags == rhs.underwritingFlags
            && lhs.termLocator == rhs.termLocator && lhs.effectiveTime == rhs.effectiveTime && lhs.issuedTime == rhs.issuedTime
            && lhs.acceptedTime == rhs.acceptedTime && lhs.baseTransactionLocator == rhs.baseTransactionLocator
            && lhs.underwritingStatus == rhs.underwritingStatus && lhs.validationFailures == rhs.validationFailures
            && lhs.reversedLocators == rhs.reversedLocators && lhs.reversalTargetLocator == rhs.reversalTargetLocator
            && lhs.affected.map(\.locator) == rhs.affected.map(\.locator) && lhs.affected.map(\.effect) == rhs.affected.map(\.effect)
            && lhs.aggregateTransactionLocator == rhs.aggregateTransactionLocator && lhs.aggregatedLocators == rhs.aggregatedLocators
            && lhs.reapplicationOfLocator == rhs.reapplicationOfLocator
    }

    /// Hashes the identity and state.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(locator)
        hasher.combine(state)
    }
}

/// One element's validation errors (`ValidationItemResponse`).
public struct ValidationFinding: Sendable, Hashable {
    /// The element's locator.
    public var locator: String
    /// The element's type.
    public var elementType: String
    /// What is wrong with it.
    public var errors: [String]
}
