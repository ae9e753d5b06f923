extension TransactionLifecycle {
    /// The transaction's charges under ``Rater``: what its segment puts in force to the term's end (the new end when it
    /// sets `newPolicyEndTime`: shortening refunds, extending charges) minus what it replaces to the current end.
    mutating func charges(for transaction: PolicyTransaction) throws(EmulatorError) -> [Charge] {
        let policy = try store.policy(transaction.policyLocator)
        let term = try store.term(transaction.termLocator)
        if transaction.category == .reversal {
            let undone = transaction.reversedLocators.compactMap { store.transactions[$0] }.flatMap(\.charges)
            return undone.map { charge in
                var negated = charge
                negated.locator = context.makeLocator()
                negated.amountMinorUnits = -charge.amountMinorUnits
                return negated
            }
        }
        let segment = try store.segment(transaction.segmentLocator ?? "")
        let rater = Rater(product: try store.product(of: policy), calculator: store.calculator(for: policy, term: term))
        let start = max(transaction.effectiveTime, term.startTime)
        let end = transaction.category == .renewal ? term.endTime : transaction.parameters?.newPolicyEndTime ?? term.endTime
        let new = segment.kind == .coverage ? rater.amounts(for: segment.element, from: start, to: end) : [:]
        let old = transaction.category == .renewal ? [:]
            : rater.amounts(for: TermTimeline(store: store, policy: policy, term: term, chain: store.provisionalChain(below: transaction)).pieces,
                            from: start, to: term.endTime)
        return Rater.difference(new: new, old: old).map { key, elementLocator, amount in
            Charge(locator: context.makeLocator(), elementLocator: elementLocator, elementStaticLocator: key.staticLocator,
                   chargeType: key.chargeType, amountMinorUnits: amount, currency: policy.currency)
        }
    }
}
