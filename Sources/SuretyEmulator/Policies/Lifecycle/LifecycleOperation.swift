/// An operation on a transaction's lifecycle, one per `PATCH …/transactions/{locator}/<op>` (reset split in two).
public enum LifecycleOperation: String, Sendable, Hashable, CaseIterable {
    case initialize, validate, price, underwrite, accept, issue, reset, resetToDraft, refuse, discard

    /// The main-path step an advancing operation aims at; nil for reset, refuse and discard.
    public var target: TransactionState? {
        switch self {
        case .initialize: return .initialized
        case .validate: return .validated
        case .price: return .priced
        case .underwrite: return .underwritten
        case .accept: return .accepted
        case .issue: return .issued
        case .reset, .resetToDraft, .refuse, .discard: return nil
        }
    }
}
