extension TransactionLifecycle {
    /// The billing step, run after every state a transaction reaches: at the product's trigger (``ProductBilling/Trigger``,
    /// `issue` by default) its charges become installments and its installment job records them (one trigger drives
    /// both); with the `accept` trigger, installments of the policy's transactions that ended refused, discarded or
    /// invalidated are removed, since they will never be issued.
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
            }
        }
    }
}
