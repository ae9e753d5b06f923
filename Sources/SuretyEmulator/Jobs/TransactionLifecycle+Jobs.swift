import SuretyJSON

extension TransactionLifecycle {
    /// The `documentTrigger` values a documents job can carry, in the document's order.
    static let documentTriggers: Set<TransactionState> = [.validated, .priced, .accepted, .underwritten, .issued]

    /// Records the documents jobs of a lifecycle step: one per reference (transaction, segment) among the documents
    /// just created. (The installment job is recorded by the billing step, ``applyBilling(to:)``.)
    mutating func recordJobs(for transaction: PolicyTransaction, reaching state: TransactionState, documents: [DocumentInstance]) {
        guard Self.documentTriggers.contains(state) else { return }
        for type in [DocumentInstance.ReferenceType.transaction, .segment, .policy, .term] {
            let batch = documents.filter { $0.referenceType == type }
            if let first = batch.first { recordDocumentsJob(for: transaction, trigger: state, reference: first.referenceLocator, type: type, documents: batch) }
        }
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
        let plan = store.jobs.settings.documentPlan(for: documents)
        let job = Job(kind: .documents, locator: context.makeLocator(), state: .running, at: context.now, createdBy: context.user,
                      plan: plan, data: data)
        store.jobs.insert(job)
        for document in documents { store.documents[document.locator]?.jobLocator = job.locator }
    }

    /// Records the installment job of a transaction just billed (its product's billing trigger): queued, then running,
    /// then finished (or failed, per ``JobSettings/failInstallmentJobs``), naming the lattice and installments billing made.
    mutating func recordInstallmentJob(for transaction: PolicyTransaction, billed: TenantStore.BilledTransaction) {
        let data = [JSONMember(key: "latticeLocator", value: .string(billed.latticeLocator)),
                    JSONMember(key: "referenceLocator", value: .string(transaction.locator)),
                    JSONMember(key: "installmentLocators", value: .string(billed.installmentLocatorList)),
                    JSONMember(key: "policyLocator", value: .string(transaction.policyLocator))]
        let settings = store.jobs.settings
        let job = Job(kind: .installments, locator: context.makeLocator(), state: .queued, at: context.now, createdBy: context.user,
                      plan: settings.installmentPlan(failing: settings.failInstallmentJobs), data: data)
        store.jobs.insert(job)
    }
}
