/// The fifteen states of a policy transaction, in the platform's enum order (`semantics.md` §1.1).
public enum TransactionState: String, Sendable, Hashable, CaseIterable {
    case draft, initialized, validated, earlyUnderwritten, priced, underwritten, accepted, issued
    case underwrittenBlocked, declined, rejected, refused, discarded, invalidated, reversed

    /// The main path a transaction advances along, draft to issued; `earlyUnderwritten` is undocumented and off it.
    public static let mainPath: [TransactionState] = [.draft, .initialized, .validated, .priced, .underwritten, .accepted, .issued]

    /// The state's place on the main path, or nil off it.
    public var pathRank: Int? { Self.mainPath.firstIndex(of: self) }

    /// States no operation leaves (a reversal moves `issued` to `reversed`, which is not an operation on it).
    public var isFinal: Bool { [.issued, .rejected, .refused, .discarded, .invalidated, .reversed].contains(self) }
}

/// What kind of transaction it is.
public enum TransactionCategory: String, Sendable, Hashable, CaseIterable {
    case issuance, change, renewal, cancellation, reinstatement, reversal, aggregate
}
