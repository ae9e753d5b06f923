import SuretySchemas

/// What walking a policy's history needs of one issued transaction, fixed when it is issued, kept in the policy beside
/// its stack (``Policy/issuedFacts``) so that a walk reads an array, not the transactions table. The transaction's
/// state is not among them (a reversal can still change it): a walk reads it from the table for the few that matter.
public struct IssuedFact: Sendable, Hashable {
    /// The transaction.
    public var locator: String
    /// Its term.
    public var termLocator: String
    /// Its segment, if it has one.
    public var segmentLocator: String?
    /// Where its segment starts (its effective time when it has none).
    public var segmentStart: Timestamp
    /// Its effective time.
    public var effectiveTime: Timestamp
    /// Its category.
    public var category: TransactionCategory
    /// Its position among the policy's transactions in creation order (``Policy/transactionLocators``).
    public var creationIndex: Int

    /// Whether a transaction issued out of sequence before it would reapply it: not the issuance, a reversal or an
    /// aggregate (see ``TransactionLifecycle/issuedLater(than:)``).
    public var isReapplicable: Bool {
        switch category {
        case .issuance, .reversal, .aggregate: false
        default: true
        }
    }

    /// Its place in effective-time order: effective time, then creation order.
    public var place: Place { Place(effectiveTime: effectiveTime, creationIndex: creationIndex) }

    /// A place in effective-time order: at the same instant, the transaction created first comes first.
    public struct Place: Sendable, Hashable, Comparable {
        /// The effective time.
        public var effectiveTime: Timestamp
        /// The position in creation order.
        public var creationIndex: Int

        /// Whether `left` comes first.
        public static func < (left: Place, right: Place) -> Bool {
            (left.effectiveTime, left.creationIndex) < (right.effectiveTime, right.creationIndex)
        }
    }
}
