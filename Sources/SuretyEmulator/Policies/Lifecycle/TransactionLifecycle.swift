/// Runs lifecycle operations on a tenant's transactions, following ``TransitionTable``.
///
/// An advancing operation runs the skipped steps in order and stops at the first that fails (a failed validation,
/// an underwriting outcome other than underwritten); the transaction keeps the state it actually reached and the
/// caller answers 200 with it (`semantics.md` §1.3–1.4). A refused operation throws before anything changes.
public struct TransactionLifecycle {
    /// The tenant's data, changed in place.
    public var store: TenantStore
    /// Time, user, locators and options.
    public var context: OperationContext

    /// Creates a lifecycle runner.
    public init(store: TenantStore, context: OperationContext) {
        self.store = store
        self.context = context
    }

    /// Runs `body` on a lifecycle holding `store` and `context`, moved in and back rather than copied, so that the
    /// lifecycle's writes change the store in place instead of copying the tables it shares with the caller.
    static func running<Result>(on store: inout TenantStore, _ context: inout OperationContext,
                                _ body: (inout TransactionLifecycle) throws(EmulatorError) -> Result) throws(EmulatorError) -> Result {
        var runner = TransactionLifecycle(store: TenantStore(tenantLocator: "", name: ""), context: context)
        swap(&runner.store, &store)
        defer {
            swap(&runner.store, &store)
            context = runner.context
        }
        return try body(&runner)
    }

    /// Performs `operation` on a transaction and returns it as it ends up.
    @discardableResult
    public mutating func perform(_ operation: LifecycleOperation, on locator: String, reset options: ResetOptions = ResetOptions(),
                                 autoRebase: Bool? = nil) throws(EmulatorError) -> PolicyTransaction {
        var transaction = try store.transaction(locator)
        guard TransitionTable.allows(operation, from: transaction.state) else {
            throw .notAllowed(operation: operation.rawValue, state: transaction.state, locator: locator)
        }
        if let destination = TransitionTable.destination(of: operation) {
            try move(&transaction, to: destination, reset: options)
            return try store.transaction(locator)
        }
        for step in TransitionTable.steps(for: operation, from: transaction.state) {
            guard try run(step, on: &transaction, autoRebase: autoRebase ?? context.options.autoRebaseByDefault) else { break }
        }
        return try store.transaction(locator)
    }

    /// Runs one main-path step; false when the transaction could not reach it.
    mutating func run(_ step: TransactionState, on transaction: inout PolicyTransaction, autoRebase: Bool) throws(EmulatorError) -> Bool {
        switch step {
        case .initialized:
            try initialize(&transaction)
        case .validated:
            let segment = try store.segment(transaction.segmentLocator ?? "")
            let policy = try store.policy(transaction.policyLocator)
            let findings = ElementValidator.findings(for: segment.element, product: try store.product(of: policy))
            transaction.validationFailures = findings
            guard findings.isEmpty else {
                store.transactions[transaction.locator] = transaction
                return false
            }
            transaction.state = .validated
        case .priced:
            transaction.charges = try charges(for: transaction)
            transaction.state = .priced
        case .underwritten:
            let decision = UnderwritingDecision.evaluate(transaction.underwritingFlags)
            transaction.state = decision.state
            transaction.underwritingStatus = decision.status
        case .accepted:
            transaction.state = .accepted
            transaction.acceptedTime = context.now
        case .issued:
            try issue(&transaction, autoRebase: autoRebase)
        default:
            return false
        }
        store.transactions[transaction.locator] = transaction
        try createDocuments(for: transaction, reaching: transaction.state)
        try applyBilling(to: transaction)
        if [.rejected].contains(transaction.state) { releasePendingTerm(of: transaction) }
        return transaction.state == step
    }

    /// Builds (or rebuilds) the segment from the instructions and moves to `initialized`.
    mutating func initialize(_ transaction: inout PolicyTransaction) throws(EmulatorError) {
        if let old = transaction.segmentLocator { store.segments[old] = nil }
        let segment = try SegmentBuilder(store: store).build(for: transaction, context: &context)
        store.segments[segment.locator] = segment
        transaction.segmentLocator = segment.locator
        transaction.state = .initialized
        transaction.validationFailures = nil
        transaction.charges = []
    }

    /// Reset, refuse and discard.
    mutating func move(_ transaction: inout PolicyTransaction, to destination: TransactionState, reset options: ResetOptions) throws(EmulatorError) {
        switch destination {
        case .draft, .initialized:
            if destination == .draft, let segment = transaction.segmentLocator {
                store.segments[segment] = nil
                transaction.segmentLocator = nil
            }
            transaction.charges = []
            transaction.validationFailures = nil
            transaction.underwritingStatus = nil
            transaction.acceptedTime = nil
            applyFlagReset(options, to: &transaction)
            let doomed = Set(options.deleteDocuments).union(options.deleteAllAutomaticDocuments
                ? store.documents.made(by: transaction.locator).map(\.locator) : [])
            for locator in doomed where store.documents[locator]?.transactionLocator == transaction.locator { store.documents[locator] = nil }
        default:
            releasePendingTerm(of: transaction)
        }
        transaction.state = destination
        store.transactions[transaction.locator] = transaction
        try createDocuments(for: transaction, reaching: destination)
        try applyBilling(to: transaction)
    }

    func applyFlagReset(_ options: ResetOptions, to transaction: inout PolicyTransaction) {
        let chosen = Set(options.resetFlags)
        let selected: (UnderwritingFlag) -> Bool = { options.resetAllUnderwritingFlags || chosen.contains($0.locator) }
        switch options.resetFlagsAction {
        case .delete:
            transaction.underwritingFlags.removeAll(where: selected)
        case .clear:
            for index in transaction.underwritingFlags.indices
            where selected(transaction.underwritingFlags[index]) && transaction.underwritingFlags[index].isActive {
                transaction.underwritingFlags[index].clearedBy = context.user
                transaction.underwritingFlags[index].clearedTime = context.now
            }
        }
    }

    /// A renewal that will never be issued gives up the term it created.
    mutating func releasePendingTerm(of transaction: PolicyTransaction) {
        guard transaction.category == .renewal, let term = store.terms[transaction.termLocator],
              term.pendingRenewalLocator == transaction.locator else { return }
        store.terms[term.locator] = nil
        store.policies[transaction.policyLocator]?.termLocators.removeAll { $0 == term.locator }
    }
}
