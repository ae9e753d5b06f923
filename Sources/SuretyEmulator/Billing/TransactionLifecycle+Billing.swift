extension TransactionLifecycle {
    /// The billing step, run after every state a transaction reaches: at the product's trigger (``ProductBilling/Trigger``,
    /// `issue` by default) its charges become installments and its installment job records them (one trigger drives
    /// both); with the `accept` trigger, a policy's transaction that ended refused, discarded or invalidated will never
    /// be issued, so it is unbilled: its installments are removed and so is the installment job that named them (a
    /// job kept would name installments that no longer exist, and `retryFailedTransactions` would run it again).
    mutating func applyBilling(to transaction: PolicyTransaction) throws(EmulatorError) {
        guard let policy = store.policies[transaction.policyLocator] else { return }
        let trigger = store.billingConfiguration(of: policy.productName).trigger
        if transaction.state == trigger.state, let billed = try store.bill(transaction, context: &context) {
            recordInstallmentJob(for: transaction, billed: billed)
        }
        guard trigger == .accept else { return }
        for locator in policy.transactionLocators where store.billing.isBilled(locator) {
            if let state = store.transactions[locator]?.state, [.refused, .discarded, .invalidated].contains(state) {
                store.billing.removeInstallments(of: locator)
                store.jobs.remove(.installments, reference: locator)
            }
        }
    }

    /// Bills again, at its issue, a transaction billed at accept whose issue moved its term's end or changed its
    /// charges: its installments and their job give way to what billing it now makes (the lattice and installments
    /// the `issue` trigger would have made, later installments of the term folded before a new, earlier end). A
    /// lattice the first billing made goes too, unless another transaction's installments lie on it since.
    mutating func rebill(_ transaction: PolicyTransaction) throws(EmulatorError) {
        let made = store.billing.lattices(of: transaction.policyLocator).filter { $0.originTransactionLocator == transaction.locator }
        store.billing.removeInstallments(of: transaction.locator)
        store.jobs.remove(.installments, reference: transaction.locator)
        let used = Set(store.billing.installments(of: transaction.policyLocator).map(\.latticeLocator))
        for lattice in made where !used.contains(lattice.locator) { store.billing.remove(lattice: lattice.locator) }
        if let billed = try store.bill(transaction, context: &context) { recordInstallmentJob(for: transaction, billed: billed) }
    }
}
