extension TransactionLifecycle {
    /// Issues a transaction: the rules it was created under are checked again, a stale base is rebased, the stack
    /// grows, a renewal's term becomes real, a new policy end applies and a reversal marks what it undoes `reversed`.
    /// A transaction earlier than issued ones is issued inside an aggregate (``issueOutOfSequence(_:later:)``).
    /// The policy's other open transactions are left as they are: each is rebased when it is itself issued.
    mutating func issue(_ transaction: inout PolicyTransaction, autoRebase: Bool) throws(EmulatorError) {
        try checkStandingRules(for: transaction)
        guard try rebaseIfStale(&transaction, autoRebase: autoRebase) else { return }
        let later = try issuedLater(than: transaction)
        guard later.isEmpty else {
            try issueOutOfSequence(&transaction, later: later)
            return
        }
        try markIssued(&transaction)
    }

    /// The stack grows by an issued transaction: its state and time, a renewal's term made real, a new policy end
    /// applied (the end it replaced kept on the transaction), and what a reversal undoes marked `reversed`, an end
    /// that an undone transaction moved put back: the term's end always follows the transactions in force. A
    /// transaction billed at accept whose issue moved the term's end or changed its charges (a rebase) is billed again
    /// (``rebill(_:)``), so it bills what the `issue` trigger would have.
    mutating func markIssued(_ transaction: inout PolicyTransaction) throws(EmulatorError) {
        guard var policy = store.policies[transaction.policyLocator] else {
            throw .notFound(kind: "policy", locator: transaction.policyLocator)
        }
        let billedCharges = store.transactions[transaction.locator]?.charges
        let endBefore = store.terms[transaction.termLocator]?.endTime
        transaction.state = .issued
        transaction.issuedTime = context.now
        policy.appendIssued(transaction, segmentStart: transaction.segmentLocator.flatMap { store.segments.read($0, { $0.startTime }) })
        store.policies[policy.locator] = policy
        if var term = store.terms[transaction.termLocator] {
            term.pendingRenewalLocator = nil
            if let end = transaction.parameters?.newPolicyEndTime, transaction.category != .renewal {
                transaction.replacedEndTime = term.endTime
                term.endTime = end
            }
            store.terms[term.locator] = term
        }
        for locator in transaction.reversedLocators {  // latest first, so the last end put back is the earliest one's
            store.transactions[locator]?.state = .reversed
            transaction.affected.append((locator, .reversed))
            if let undone = store.transactions[locator], let end = undone.replacedEndTime {
                store.terms[undone.termLocator]?.endTime = end
            }
        }
        store.transactions[transaction.locator] = transaction
        if store.billing.isBilled(transaction.locator),
           store.terms[transaction.termLocator]?.endTime != endBefore || transaction.charges != billedCharges {
            try rebill(transaction)
        }
    }

    /// Moves a transaction whose base is no longer the policy's head onto the head before it is issued [I §1.8]:
    /// its `baseTransactionLocator` becomes the head and its segment and charges are derived again there. A base
    /// still unissued (a chain) must be issued first, and without `autoRebase` a stale base is refused (422). When
    /// the segment cannot be derived on the new head (an instruction names an element the head removed) the
    /// transaction is `invalidated` and false is answered.
    mutating func rebaseIfStale(_ transaction: inout PolicyTransaction, autoRebase: Bool) throws(EmulatorError) -> Bool {
        let policy = try store.policy(transaction.policyLocator)
        guard let base = transaction.baseTransactionLocator, let head = store.topIssued(of: policy), base != head.locator else { return true }
        if let below = store.transactions[base], !below.state.isFinal {
            throw .unprocessable(reason: "Transaction \(transaction.locator) is chained on \(base), which is not issued yet; issue \(base) first.")
        }
        guard autoRebase else {
            throw .unprocessable(reason: "The base \(base) of transaction \(transaction.locator) is no longer the policy's head \(head.locator); issue with autoRebase=true to rebase it.")
        }
        let saved = (store, context, transaction)
        do {
            transaction.baseTransactionLocator = head.locator
            try initialize(&transaction)
            transaction.charges = try charges(for: transaction)
            transaction.state = saved.2.state
            return true
        } catch {
            (store, context, transaction) = saved
            transaction.state = .invalidated
            store.transactions[transaction.locator] = transaction
            releasePendingTerm(of: transaction)
            return false
        }
    }
}
