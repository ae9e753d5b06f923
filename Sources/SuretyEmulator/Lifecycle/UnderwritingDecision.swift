/// Decides an underwriting run from a transaction's active flags (`semantics.md` §1.5).
///
/// Cleared and `info` flags have no effect. The documented part: approve is checked first and passes regardless
/// of the other flags of the run. The emulator cannot tell runs apart (flags are added through the API, not by a
/// plugin run), so it takes the conservative reading of "approve cannot override a reject from an earlier run":
/// an active reject always wins [I]. Then approve → underwritten, decline → declined, block →
/// underwrittenBlocked, otherwise underwritten [I order].
public enum UnderwritingDecision {
    /// The state an underwriting run reaches and the `underwritingStatus` string written with it.
    public static func evaluate(_ flags: [UnderwritingFlag]) -> (state: TransactionState, status: String) {
        let levels = Set(flags.filter(\.isActive).map(\.level))
        if levels.contains(.reject) { return (.rejected, "rejected") }
        if levels.contains(.approve) { return (.underwritten, "approved") }
        if levels.contains(.decline) { return (.declined, "declined") }
        if levels.contains(.block) { return (.underwrittenBlocked, "blocked") }
        return (.underwritten, "none")
    }
}
