/// Which states each lifecycle operation may start from, as data (`semantics.md` §1.1–1.3).
///
/// Advancing operations (initialize … issue) first run the skipped steps in order and stop at the first failure
/// [I §1.3]; re-running initialize, validate, price or underwrite from its own state recomputes it. From
/// `underwrittenBlocked` and `declined` underwriting runs again (declined "can be re-underwritten"); `rejected` never
/// moves again except to `discarded`. `accepted` and `issued` cannot be reset or discarded [D STK]. `earlyUnderwritten`
/// is undocumented [U]: no operation reaches it, and one found in it (from a snapshot) is treated like `validated`.
/// Every (operation, state) pair outside this table is answered 409 (``EmulatorError/notAllowed(operation:state:locator:)``).
public enum TransitionTable {
    /// States in which a transaction is open: not accepted, not in a terminal or failed state.
    static let open: Set<TransactionState> = [.draft, .initialized, .validated, .earlyUnderwritten, .priced, .underwritten,
                                              .underwrittenBlocked, .declined]

    /// The states each operation may start from.
    public static let sources: [LifecycleOperation: Set<TransactionState>] = [
        .initialize: [.draft, .initialized],
        .validate: [.draft, .initialized, .validated],
        .price: [.draft, .initialized, .validated, .earlyUnderwritten, .priced],
        .underwrite: open,
        .accept: open,
        .issue: open.union([.accepted]),
        .reset: open.subtracting([.draft]),
        .resetToDraft: open.subtracting([.draft]),
        .refuse: open.union([.accepted]),
        .discard: open.union([.rejected, .refused]),
    ]

    /// Whether `operation` may start from `state`.
    public static func allows(_ operation: LifecycleOperation, from state: TransactionState) -> Bool {
        sources[operation, default: []].contains(state)
    }

    /// The main-path steps an advancing operation runs from `state`, in order; empty for the other operations.
    public static func steps(for operation: LifecycleOperation, from state: TransactionState) -> [TransactionState] {
        guard let target = operation.target, let targetRank = target.pathRank else { return [] }
        let effective: TransactionState
        switch state {
        case .underwrittenBlocked, .declined: effective = .priced
        case .earlyUnderwritten: effective = .validated
        default: effective = state
        }
        guard let rank = effective.pathRank else { return [] }
        let first = rank == targetRank ? rank : rank + 1
        guard first <= targetRank else { return [] }
        return Array(TransactionState.mainPath[first...targetRank])
    }

    /// The state a direct (non-advancing) operation moves to.
    public static func destination(of operation: LifecycleOperation) -> TransactionState? {
        switch operation {
        case .reset: return .initialized
        case .resetToDraft: return .draft
        case .refuse: return .refused
        case .discard: return .discarded
        default: return nil
        }
    }
}
