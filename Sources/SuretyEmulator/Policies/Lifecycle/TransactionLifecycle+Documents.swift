import SuretySchemas

/// The documents a transaction creates, by scope (`docs.socotra.com` Documents, "Document Scope" [D]): a
/// `transaction` document is local to the transaction; a `segment` one to the segment; a `policy` one is on the
/// policy once its transaction is issued, until another of the same static name replaces it; a `term` one likewise
/// within its term.
extension TransactionLifecycle {
    /// Creates the documents the product configures for a state the transaction just reached, and their jobs.
    mutating func createDocuments(for transaction: PolicyTransaction, reaching state: TransactionState) throws(EmulatorError) {
        let policy = try store.policy(transaction.policyLocator)
        var created: [DocumentInstance] = []
        defer { recordJobs(for: transaction, reaching: state, documents: created) }
        for spec in try store.product(of: policy).documents where spec.trigger == state {
            let segment = transaction.segmentLocator
            if spec.referenceType == .segment && segment == nil { continue }
            let reference: String
            switch spec.referenceType {
            case .segment: reference = segment ?? ""
            case .policy: reference = policy.locator
            case .term: reference = transaction.termLocator
            default: reference = transaction.locator
            }
            var document = DocumentInstance(
                locator: context.makeLocator(), referenceLocator: reference,
                referenceType: [.segment, .policy, .term].contains(spec.referenceType) ? spec.referenceType : .transaction,
                state: spec.state, staticName: spec.staticName, name: spec.name, format: spec.format,
                policyLocator: policy.locator, termLocator: transaction.termLocator, transactionLocator: transaction.locator,
                segmentLocator: segment, createdAt: context.now, createdBy: context.user, trigger: state)
            document.isDynamic = spec.isDynamic
            document.category = spec.category
            document.referenceDocumentLocator = store.documentInForce(named: spec.staticName, scope: document.referenceType,
                                                                      reference: reference, before: document.locator)?.locator
            store.documents[document.locator] = document
            created.append(document)
        }
    }
}

extension TenantStore {
    /// The policy- or term-scope document of a static name that is on the policy (or term): the latest one whose
    /// transaction is issued and not reversed, created before `locator` (locators grow with time) [I]. A new instance
    /// replaces it and names it in `referenceDocumentLocator`.
    func documentInForce(named staticName: String, scope: DocumentInstance.ReferenceType, reference: String,
                         before locator: String) -> DocumentInstance? {
        guard [.policy, .term].contains(scope),
              let policy = policies[scope == .policy ? reference : terms[reference]?.policyLocator ?? ""] else { return nil }
        // Only the policy's issued transactions make documents on it: read theirs, not the tenant's.
        return policy.issuedLocators.flatMap { documents.made(by: $0) }.filter { document in
            document.referenceType == scope && document.referenceLocator == reference && document.staticName == staticName
                && document.locator < locator && transactions[document.transactionLocator]?.state == .issued
        }.max { $0.locator < $1.locator }
    }

    /// The policy- and term-scope documents on a term at `time`: for each scope and static name, the latest one created
    /// by an issued, non-reversed transaction of the policy (term scope: of this term) effective at or before `time`.
    func documentsInForce(on term: Term, at time: Timestamp) -> [DocumentInstance] {
        // Only the policy's own issued transactions made them: read their documents, not the tenant's.
        let made = (policies[term.policyLocator]?.issuedLocators ?? []).flatMap { documents.made(by: $0) }
        let candidates = made.filter { document in
            guard let transaction = transactions[document.transactionLocator], transaction.state == .issued,
                  transaction.effectiveTime <= time else { return false }
            switch document.referenceType {
            case .policy: return document.referenceLocator == term.policyLocator
            case .term: return document.referenceLocator == term.locator
            default: return false
            }
        }
        let latest = Dictionary(grouping: candidates) { "\($0.referenceType.rawValue)/\($0.staticName)" }
            .compactMap { $0.value.max { $0.locator < $1.locator } }
        return latest.sorted { $0.locator < $1.locator }
    }
}
