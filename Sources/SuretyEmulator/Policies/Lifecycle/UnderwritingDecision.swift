/// Decides an underwriting run from a transaction's active flags (`semantics.md` §1.5).
///
/// Cleared and `info` flags have no effect. The documented part: approve is checked first and passes "regardless of
/// any other flags" of the run, reject included [D UW]. "Approve cannot override a reject from an earlier run" needs
/// no rule here: an earlier run that met a reject without an approve left the transaction `rejected`, which never
/// runs underwriting again (``TransitionTable``). Then reject → rejected, decline → declined, block →
/// underwrittenBlocked, otherwise underwritten [I order].
public enum UnderwritingDecision {
    /// The state an underwriting run reaches and the `underwritingStatus` string written with it.
    public static func evaluate(_ flags: [UnderwritingFlag]) -> (state: TransactionState, status: String) {
        let levels = Set(flags.filter(\.isActive).map(\.level))
        if levels.contains(.approve) { return (.underwritten, "approved") }
        if levels.contains(.reject) { return (.rejected, "rejected") }
        if levels.contains(.decline) { return (.declined, "declined") }
        if levels.contains(.block) { return (.underwrittenBlocked, "blocked") }
        return (.underwritten, "none")
    }
}
