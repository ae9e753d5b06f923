extension TransactionLifecycle {
    /// Issues a transaction: the stack grows, a renewal's term becomes real, a new policy end applies, a reversal
    /// marks what it undoes `reversed`, and the policy's other open transactions are rebased or invalidated.
    mutating func issue(_ transaction: inout PolicyTransaction, autoRebase: Bool) throws(EmulatorError) {
        guard var policy = store.policies[transaction.policyLocator] else {
            throw .notFound(kind: "policy", locator: transaction.policyLocator)
        }
        transaction.state = .issued
        transaction.issuedTime = context.now
        policy.issuedLocators.append(transaction.locator)
        store.policies[policy.locator] = policy
        if var term = store.terms[transaction.termLocator] {
            term.pendingRenewalLocator = nil
            if let end = transaction.parameters?.newPolicyEndTime, transaction.category != .renewal { term.endTime = end }
            store.terms[term.locator] = term
        }
        for locator in transaction.reversedLocators {
            store.transactions[locator]?.state = .reversed
            transaction.affected.append((locator, .reversed))
        }
        store.transactions[transaction.locator] = transaction
        for sibling in policy.transactionLocators where sibling != transaction.locator {
            guard let other = store.transactions[sibling], !other.state.isFinal else { continue }
            let effect = try rebase(sibling, onto: transaction.locator, autoRebase: autoRebase)
            transaction.affected.append((sibling, effect))
        }
    }

    /// Moves an open transaction onto a newly issued base [I]: its base changes and, past draft, it returns to
    /// `initialized` with a regenerated segment; when that fails, or without auto-rebase, it is `invalidated`.
    mutating func rebase(_ locator: String, onto base: String, autoRebase: Bool) throws(EmulatorError) -> PolicyTransaction.Effect {
        guard var other = store.transactions[locator] else { return .invalidated }
        guard autoRebase, other.state != .accepted else {
            other.state = .invalidated
            store.transactions[locator] = other
            releasePendingTerm(of: other)
            return .invalidated
        }
        other.baseTransactionLocator = base
        if other.state != .draft {
            let saved = (store, context)
            do {
                try initialize(&other)
            } catch {
                (store, context) = saved
                other.state = .invalidated
                store.transactions[locator] = other
                return .invalidated
            }
        }
        store.transactions[locator] = other
        return .reapplied
    }

    /// Creates the documents the product configures for a state the transaction just reached.
    mutating func createDocuments(for transaction: PolicyTransaction, reaching state: TransactionState) throws(EmulatorError) {
        let policy = try store.policy(transaction.policyLocator)
        var created: [DocumentInstance] = []
        defer { recordJobs(for: transaction, reaching: state, documents: created) }
        for spec in try store.product(of: policy).documents where spec.trigger == state {
            let segment = transaction.segmentLocator
            if spec.referenceType == .segment && segment == nil { continue }
            let document = DocumentInstance(
                locator: context.makeLocator(),
                referenceLocator: spec.referenceType == .segment ? segment ?? "" : transaction.locator,
                referenceType: spec.referenceType == .segment ? .segment : .transaction,
                state: spec.state, staticName: spec.staticName, name: spec.name, format: spec.format,
                policyLocator: policy.locator, termLocator: transaction.termLocator, transactionLocator: transaction.locator,
                segmentLocator: segment, createdAt: context.now, createdBy: context.user, trigger: state)
            store.documents[document.locator] = document
            created.append(document)
        }
    }
}
