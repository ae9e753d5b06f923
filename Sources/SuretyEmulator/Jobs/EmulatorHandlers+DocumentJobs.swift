import SuretyJSON

extension EmulatorHandlers {
    /// The Jobs endpoints' tables, merged with the others by ``EmulatorHandlerTable``.
    static var jobParts: [[String: EmulatorHandler]] {
        [documentJobs, billingJobs, otherJobs]
    }

    /// The documents-jobs endpoints for transactions, segments, quotes (fetch, list, both triggers) and invoices
    /// (failed trigger only). A job belongs to a reference: fetching or triggering it under another answers 404; the
    /// lists and the timed-out trigger answer an empty array for a reference with no jobs, known or not.
    static var documentJobs: [String: EmulatorHandler] {
        var table: [String: EmulatorHandler] = [:]
        let names: [(String, DocumentInstance.ReferenceType)] = [("Transaction", .transaction), ("Segment", .segment), ("Quote", .quote)]
        for (name, type) in names {
            table["fetchDocumentsJobFor\(name)"] = fetchDocumentsJob(type)
            table["fetchMultipleDocumentsJobsFor\(name)"] = listDocumentsJobs(type)
            table["triggerTimedOutDocumentsJobFor\(name)"] = retriggerTimedOut(type)
        }
        for (name, type) in names + [("Invoice", .invoice)] {
            table["triggerFailedDocumentJobFor\(name)"] = retriggerFailed(type)
        }
        return table
    }

    static func fetchDocumentsJob(_ type: DocumentInstance.ReferenceType) -> EmulatorHandler {
        { store, _, call throws(EmulatorError) in
            EmulatorReply(try documentsJob(call.path("jobLocator"), of: type, call.path("locator"), in: store).rendered)
        }
    }

    static func listDocumentsJobs(_ type: DocumentInstance.ReferenceType) -> EmulatorHandler {
        { store, context, call throws(EmulatorError) in
            EmulatorReply(call.list(documentsJobs(of: type, call.path("locator"), in: store).map(\.summary), options: context.options))
        }
    }

    /// Restarts the reference's running jobs that have run for ``JobSettings/documentTimeoutSeconds`` or longer;
    /// 404 for a reference the tenant does not have and no job is about (the endpoint is not a list).
    static func retriggerTimedOut(_ type: DocumentInstance.ReferenceType) -> EmulatorHandler {
        { store, context, call throws(EmulatorError) in
            let settings = store.jobs.settings
            let reference = call.path("locator")
            let jobs = documentsJobs(of: type, reference, in: store)
            guard !jobs.isEmpty || isKnown(reference, type, in: store) else { throw .notFound(kind: type.rawValue, locator: reference) }
            let timedOut = jobs.filter { job in
                job.state == .running && context.now.seconds - job.updatedAt.seconds >= settings.documentTimeoutSeconds
            }
            var restarted: [JSONValue] = []
            for job in timedOut {
                restarted.append(try store.jobs.apply(.retriggerTimedOut, to: job.locator, kind: .documents, at: context.now,
                                                      plan: settings.documentRerunPlan(for: job)).summary)
            }
            return EmulatorReply(.array(restarted))
        }
    }

    /// Runs a failed job of the reference again; 409 when it has not failed.
    static func retriggerFailed(_ type: DocumentInstance.ReferenceType) -> EmulatorHandler {
        { store, context, call throws(EmulatorError) in
            let job = try documentsJob(call.path("jobLocator"), of: type, call.path("locator"), in: store)
            let plan = store.jobs.settings.documentRerunPlan(for: job)
            return EmulatorReply(try store.jobs.apply(.retrigger, to: job.locator, kind: .documents, at: context.now, plan: plan).summary)
        }
    }

    /// Whether the tenant has the transaction, segment or quote.
    static func isKnown(_ reference: String, _ type: DocumentInstance.ReferenceType, in store: TenantStore) -> Bool {
        switch type {
        case .transaction: return store.transactions[reference] != nil
        case .segment: return store.segments[reference] != nil
        case .quote: return store.quotes[reference] != nil
        default: return false
        }
    }

    /// The documents jobs about one reference, oldest first; a transaction's also include the jobs rendering the
    /// policy- and term-scope documents it created (their `transactionLocator`) [I].
    static func documentsJobs(of type: DocumentInstance.ReferenceType, _ reference: String, in store: TenantStore) -> [Job] {
        store.jobs.list(.documents) { isAbout($0, type, reference) }
    }

    /// Whether a documents job is read under a reference of `type`.
    static func isAbout(_ job: Job, _ type: DocumentInstance.ReferenceType, _ reference: String) -> Bool {
        let jobType = job[member: "referenceType"]?.stringValue
        if job.reference == reference && jobType == type.rawValue { return true }
        return type == .transaction && (jobType == "policy" || jobType == "term") && job[member: "transactionLocator"]?.stringValue == reference
    }

    /// A documents job of a reference, or 404.
    static func documentsJob(_ locator: String, of type: DocumentInstance.ReferenceType, _ reference: String,
                             in store: TenantStore) throws(EmulatorError) -> Job {
        let job = try store.jobs.job(locator, kind: .documents)
        guard isAbout(job, type, reference) else {
            throw .notFound(kind: "documents job of \(type.rawValue) \(reference)", locator: locator)
        }
        return job
    }
}
