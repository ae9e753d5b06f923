/// What a create endpoint asks for: the kind of transaction and its instructions.
public enum TransactionRequest: Sendable, Hashable {
    /// `change` or the generic `{transactionType}`: a mid-term change.
    case change(transactionType: String, instructions: [ChangeInstruction])
    /// `renew`: the next term.
    case renewal(instructions: [ChangeInstruction])
    /// `cancel`: a gap from the params' effective time to the term's end.
    case cancellation(ChangeInstruction)
    /// `reinstate`: coverage again from the effective time (default: where the cancellation's gap starts).
    case reinstatement(instructions: [ChangeInstruction])
    /// `reversal`: undo `reverseTransactions`, back to `toTransaction`.
    case reversal(toTransaction: String, reverseTransactions: [String])

    /// The category the transaction gets.
    public var category: TransactionCategory {
        switch self {
        case .change: return .change
        case .renewal: return .renewal
        case .cancellation: return .cancellation
        case .reinstatement: return .reinstatement
        case .reversal: return .reversal
        }
    }

    /// The instructions carried.
    public var instructions: [ChangeInstruction] {
        switch self {
        case .change(_, let instructions), .renewal(let instructions), .reinstatement(let instructions): return instructions
        case .cancellation(let instruction): return [instruction]
        case .reversal: return []
        }
    }
}
