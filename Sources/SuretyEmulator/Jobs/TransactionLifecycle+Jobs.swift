import SuretyJSON

extension TransactionLifecycle {
    /// The state at which a transaction's installments are generated, and so its installment job created:
    /// `issued` (`BillingTrigger` has only `issue` [S CDM]; `semantics.md` §2).
    public static let billingTrigger = TransactionState.issued

    /// The `documentTrigger` values a documents job can carry, in the document's order.
    static let documentTriggers: Set<TransactionState> = [.validated, .priced, .accepted, .underwritten, .issued]

    /// Records the jobs of a lifecycle step: one documents job per reference (transaction, segment) among the
    /// documents just created, and the installment job when the step is the billing trigger.
    mutating func recordJobs(for transaction: PolicyTransaction, reaching state: TransactionState, documents: [DocumentInstance]) {
        if Self.documentTriggers.contains(state) {
            for type in [DocumentInstance.ReferenceType.transaction, .segment] {
                let batch = documents.filter { $0.referenceType == type }
                if let first = batch.first { recordDocumentsJob(for: transaction, trigger: state, reference: first.referenceLocator, type: type, documents: batch) }
            }
        }
        if state == Self.billingTrigger { recordInstallmentJob(for: transaction) }
    }

    /// A running documents job for `documents`, ending as the tenant's ``JobSettings`` say.
    mutating func recordDocumentsJob(for transaction: PolicyTransaction, trigger: TransactionState, reference: String,
                                     type: DocumentInstance.ReferenceType, documents: [DocumentInstance]) {
        let infos: [JSONValue] = documents.map { document in
            .object([JSONMember(key: "locator", value: .string(document.locator)),
                     JSONMember(key: "staticName", value: .string(document.staticName)),
                     JSONMember(key: "name", value: .string(document.name)),
                     JSONMember(key: "documentInstanceState", value: "draft"),
                     JSONMember(key: "processingErrors", value: ""),
                     JSONMember(key: "state", value: "draft")])
        }
        let data = [JSONMember(key: "transactionLocator", value: .string(transaction.locator)),
                    JSONMember(key: "segmentLocator", value: .string(transaction.segmentLocator ?? Job.absentReference)),
                    JSONMember(key: "referenceLocator", value: .string(reference)),
                    JSONMember(key: "documentTrigger", value: .string(trigger.rawValue)),
                    JSONMember(key: "isConsolidation", value: false),
                    JSONMember(key: "referenceType", value: .string(type.rawValue)),
                    JSONMember(key: "childrenJobs", value: []),
                    JSONMember(key: "documents", value: .array(infos))]
        let plan = store.jobs.settings.documentPlan(for: documents.map(\.staticName))
        let job = Job(kind: .documents, locator: context.makeLocator(), state: .running, at: context.now, createdBy: context.user,
                      plan: plan, data: data)
        store.jobs.insert(job)
    }

    /// Records the installment job of a transaction that reached the ``billingTrigger``: queued, then running,
    /// then finished (or failed, per ``JobSettings/failInstallmentJobs``). `latticeLocator` and
    /// `installmentLocators` are the lattice and installments billing generated; without a lattice a fresh locator
    /// stands in (merge point: the billing side passes its own).
    public mutating func recordInstallmentJob(for transaction: PolicyTransaction, latticeLocator: String? = nil, installmentLocators: [String] = []) {
        let data = [JSONMember(key: "latticeLocator", value: .string(latticeLocator ?? context.makeLocator())),
                    JSONMember(key: "referenceLocator", value: .string(transaction.locator)),
                    JSONMember(key: "installmentLocators", value: .string(installmentLocators.joined(separator: ","))),
                    JSONMember(key: "policyLocator", value: .string(transaction.policyLocator))]
        let settings = store.jobs.settings
        let job = Job(kind: .installments, locator: context.makeLocator(), state: .queued, at: context.now, createdBy: context.user,
                      plan: settings.installmentPlan(failing: settings.failInstallmentJobs), data: data)
        store.jobs.insert(job)
    }
}
