import SuretyHTTPCore
import SuretyJSON

extension EmulatorHandlers {
    /// Installment, invoicing, invoice and delinquency jobs. Every list answers an empty list for a reference with no
    /// jobs, known or not (`semantics.md` §4.2; the contract leaves it unspecified outside documents jobs).
    static var billingJobs: [String: EmulatorHandler] {
        [
            "fetchInstallmentsJobDataForQuotes": listing(.installments, reference: "locator"),
            "fetchInstallmentsJobDataForTransactions": listing(.installments, reference: "locator"),
            "retryFailedTransactions": { store, context, call throws(EmulatorError) in
                let policy = call.path("policyLocator")
                // 404 for a policy this tenant does not hold: another tenant's locator is never this tenant's empty list.
                _ = try store.policy(policy)
                let failed = store.jobs.list(.installments) { $0.state == .failed && $0[member: "policyLocator"]?.stringValue == policy }
                let plan = store.jobs.settings.installmentPlan(failing: false)
                var retried: [JSONValue] = []
                for job in failed {
                    retried.append(try store.jobs.apply(.retry, to: job.locator, kind: .installments, at: context.now, plan: plan).rendered)
                }
                return EmulatorReply(page(retried, call, context))
            },
            "fetchInvoicingJobsForAccount": listing(.invoicing, reference: "locator", alwaysPaged: true),
            "fetchInvoicingJob": { store, _, call throws(EmulatorError) in
                EmulatorReply(try store.jobs.job(call.path("jobLocator"), kind: .invoicing).rendered)
            },
            "fetchInvoiceJobDataForAccount": listing(.invoiceGeneration, reference: "locator"),
            "fetchInvoiceLifecycleJobData": { store, _, call throws(EmulatorError) in
                let locator = call.path("locator")
                if let job = store.jobs.jobs[locator], job.kind == .invoiceLifecycle { return EmulatorReply(job.rendered) }
                guard let latest = store.jobs.list(.invoiceLifecycle, reference: locator).last else {
                    throw .notFound(kind: "invoice lifecycle job or invoice", locator: locator)
                }
                return EmulatorReply(latest.rendered)
            },
            "fetchDelinquencyGraceJob": listing(.grace, reference: "delinquencyLocator"),
            "fetchCreateDelinquenciesJobDataForInvoice": listing(.delinquencyCreate, reference: "invoiceLocator"),
            "fetchDelinquencyEventJobs": listing(.delinquencyEvent, reference: "delinquencyLocator", alwaysPaged: true),
        ]
    }

    /// A list of a kind's jobs under the path parameter `reference`: bare or paged by `extended`, or always paged.
    static func listing(_ kind: JobKind, reference: String, alwaysPaged: Bool = false) -> EmulatorHandler {
        { store, context, call throws(EmulatorError) in
            let items = store.jobs.list(kind, reference: call.path(reference)).map(\.rendered)
            return EmulatorReply(alwaysPaged ? page(items, call, context) : call.list(items, options: context.options))
        }
    }

    /// The `{listCompleted, items}` page of `items` by `offset` and `count`, for endpoints without `extended`.
    static func page(_ items: [JSONValue], _ call: EmulatorCall, _ context: OperationContext) -> JSONValue {
        var paged = call
        paged.queryItems.append(HTTPQueryItem(name: "extended", value: "true"))
        return paged.list(items, options: context.options)
    }
}
