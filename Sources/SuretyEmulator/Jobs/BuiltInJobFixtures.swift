/// The built-in jobs of tenant A, so that every job endpoint has something to answer and every job state shows:
/// documents jobs about quote `QA01`, invoice ``invoice``, ``transaction`` and ``segment``, installment jobs, and for each billing kind one job
/// per `jobStatus` (no clock moves them), anonymization jobs in each state and reference type, and a
/// deserialization job in each `jobState`. The job settings make the emulator's own jobs end at once (so a run on
/// the system clock is deterministic) except restarted deserialization jobs, which run an hour; quote letters and
/// segment schedules fail to render.
public enum BuiltInJobFixtures {
    /// The invoice the built-in invoice jobs are about.
    public static let invoice = "01J6B00000000000000000NV01"
    /// The delinquency the built-in delinquency jobs are about.
    public static let delinquency = "01J6B00000000000000000DQ01"
    /// When every built-in job was created.
    static let created = "2024-09-01T00:00:00Z"
    static let account = "01J6A00000000000000000AA01"
    static let quote = "01J6A00000000000000000QA01"
    static let user = "0b7e6f4c-1d2a-4c3b-8e9f-000000000001"
    static let billingStates = ["queued", "running", "finished", "failed"]

    /// The locator of the built-in job of a kind code (`DJ`, `NJ`, `VJ`, `GJ`, `CJ`, `GR`, `DC`, `DE`, `AN`, `DS`) and number.
    public static func locator(_ code: String, _ number: Int) -> String {
        "01J6B00000000000000000\(code)\(number < 10 ? "0" : "")\(number)"
    }

    /// Tenant A's `jobSettings`.
    public static let settings = """
    {"documentRunSeconds": 0, "documentTimeoutSeconds": 3600, "failingDocuments": ["quoteLetter", "segmentSchedule"],
     "installmentQueueSeconds": 0, "installmentRunSeconds": 0, "deserializationRunSeconds": 3600}
    """

    /// Tenant A's `jobs`.
    public static var jobs: String { "[" + (documents + billing + anonymization + deserialization).joined(separator: ",\n") + "]" }

    static func job(_ kind: String, _ code: String, _ number: Int, _ state: String, _ data: String, extra: String = "") -> String {
        #"{"kind": "\#(kind)", "locator": "\#(locator(code, number))", "state": "\#(state)", "createdAt": "\#(created)", "createdBy": "\#(user)"\#(extra), "data": {\#(data)}}"#
    }

    static func errors(_ state: String) -> String { state == "failed" ? #", "processingErrors": "fixture failure""# : "" }

    /// The transaction and segment the built-in documents jobs DJ06–DJ09 are about (no such transaction exists:
    /// the lifecycle's own jobs are about real ones).
    public static let transaction = "01J6B00000000000000000TX01"
    /// The segment the built-in segment documents jobs are about (see ``transaction``).
    public static let segment = "01J6B00000000000000000SG01"

    static var documents: [String] {
        let none = Job.absentReference
        let jobs: [(String, String, String, String)] = [("quote", quote, "finished", "accepted"), ("quote", quote, "failed", "underwritten"),
                                                        ("quote", quote, "running", "validated"), ("invoice", invoice, "failed", "generated"),
                                                        ("quote", quote, "finished", "generated"), ("transaction", transaction, "failed", "priced"),
                                                        ("segment", segment, "failed", "issued"), ("transaction", transaction, "running", "issued"),
                                                        ("segment", segment, "running", "issued")]
        return jobs.enumerated().map { index, job in
            let (type, reference, state, trigger) = job
            let transactionLocator = ["transaction", "segment"].contains(type) ? transaction : none
            let segmentLocator = type == "segment" ? segment : none
            let document = #"{"locator": "\#(locator("DD", index + 1))", "staticName": "\#(type)Letter", "name": "\#(type) letter", "documentInstanceState": "draft", "processingErrors": "", "state": "draft"}"#
            return self.job("documents", "DJ", index + 1, state, #""transactionLocator": "\#(transactionLocator)", "segmentLocator": "\#(segmentLocator)", "referenceLocator": "\#(reference)", "referenceType": "\#(type)", "documentTrigger": "\#(trigger)", "isConsolidation": false, "childrenJobs": [], "documents": [\#(document)]"#,
                            extra: errors(state))
        }
    }

    static var billing: [String] {
        var jobs: [String] = []
        for (index, state) in billingStates.enumerated() {
            let n = index + 1
            let failing = errors(state)
            let reference = state == "failed" ? transaction : quote
            jobs.append(job("installments", "NJ", n, state, #""latticeLocator": "\#(locator("KT", 1))", "referenceLocator": "\#(reference)", "installmentLocators": "\#(locator("NS", n))", "policyLocator": "\#(BuiltInFixtures.policyA1)""#, extra: failing))
            let invoicing = index % 2 == 0 ? #"{"accountLocator": "\#(account)", "currencies": ["USD"]}"#
                : #"{"accountLocator": "\#(account)", "installmentsToBeInvoiced": ["\#(locator("NS", n))"], "timezone": "UTC", "invoiceDueTime": "2024-10-01T00:00:00Z", "invoiceThroughTime": "2024-09-30T00:00:00Z"}"#
            jobs.append(job("invoicing", "VJ", n, state, #""accountLocator": "\#(account)", "invoicingData": \#(invoicing), "invoiceLocators": ["\#(invoice)"]"#, extra: failing))
            let instances = n == 1 ? billingStates.enumerated().map { i, s in
                #"{"locator": "\#(locator("GN", i + 1))", "invoiceGenerationJobLocator": "\#(locator("GJ", 1))", "invoiceLocator": "\#(invoice)", "generateTime": "\#(created)", "completedAt": "\#(created)", "jobStatus": "\#(s)", "processingErrors": "", "createdAt": "\#(created)", "createdBy": "\#(user)"}"#
            }.joined(separator: ", ") : ""
            jobs.append(job("invoiceGeneration", "GJ", n, state, #""accountLocator": "\#(account)", "invoiceGenerationScheduleLocator": "\#(locator("GS", 1))", "generateTime": "\#(created)", "invoiceGenerationInstances": [\#(instances)]"#, extra: failing))
            jobs.append(job("grace", "GR", n, state, #""delinquencyLocator": "\#(delinquency)""# + (state == "finished" ? #", "outcome": "settled""# : ""), extra: failing))
            jobs.append(job("delinquencyCreate", "DC", n, state, #""invoiceLocator": "\#(invoice)", "dueTime": "2024-10-01T00:00:00Z", "delinquencyLocators": ["\#(delinquency)"]"#, extra: failing))
        }
        let workflows = ["LATTICE_AND_INSTALLMENTS_GENERATION", "INVOICE_GENERATION", "INVOICE_LIFECYCLE", "PAYMENT_EXECUTION", "DELINQUENCY_MORATORIUM_EXECUTION"]
        let cancellations = ["cancellationRequested", "rescheduled", "tenantRetired", "delinquencySettled", "delinquencyHeld"]
        for (index, workflow) in workflows.enumerated() {
            let n = index + 1
            let state = billingStates[index % 4]
            let type = index % 2 == 0 ? "autopay" : "due"
            jobs.append(job("invoiceLifecycle", "CJ", n, state, #""workflowType": "\#(workflow)", "contextData": {"invoiceLocator": "\#(invoice)", "results": [{"resultLocator": "\#(locator("RS", n))", "resultType": "\#(type)"}], "triggers": [{"triggerTime": "2024-10-01T00:00:00Z", "triggerType": "\#(type)"}], "triggersHistory": [{"comment": "moved", "newTriggerTime": "2024-10-02T00:00:00Z", "oldTriggerTime": "2024-10-01T00:00:00Z", "triggerType": "\#(type)"}], "processingErrors": ""}"#))
            jobs.append(job("delinquencyEvent", "DE", n, state, #""delinquencyEventLocator": "\#(locator("EV", n))", "delinquencyLocator": "\#(delinquency)", "triggerTime": "2024-10-01T00:00:00Z", "updatedDelinquencyEventLocators": [], "rescheduledByLocator": "\#(locator("EV", 9))", "cancellationType": "\#(cancellations[index])", "cancelled": true"#, extra: errors(state)))
        }
        return jobs
    }

    static var anonymization: [String] {
        let states = ["initialized", "running", "suspended", "completed"]
        let types = ["none", "account", "quickQuote", "quote", "policy", "contact", "fnol", "payment", "disbursement"]
        return types.enumerated().map { index, type in
            let n = index + 1
            return job("anonymization", "AN", n, states[index % 4], #""jobDetails": {"assignedReferenceLocators": ["\#(account)"], "includeAcceptedQuotes": true, "problematicReferenceLocators": {"assigned": [], "children": [], "failed": []}, "policyStatuses": ["pending", "expired", "cancelled", "cancelPending", "onRisk", "delinquent", "doNotRenew"]}, "referenceType": "\#(type)", "assignedReferenceLocators": ["\#(account)"], "parentJobLocator": "\#(locator("AN", 1))", "anonymizedReferenceLocators": []"#, extra: #", "processingErrors": """#)
        }
    }

    static var deserialization: [String] {
        ["initialized", "running", "interrupted", "failed", "completed", "terminated"].enumerated().map { index, state in
            job("deserialization", "DS", index + 1, state, #""jobType": "scheduleItems", "metadata": {"referenceLocator": "\#(BuiltInFixtures.policyA1)", "staticElementLocator": "\#(locator("SE", 1))", "fileName": "schedule-\#(index + 1).csv", "fileSize": 2048, "referenceType": "policy", "params": {"delimiter": ","}}"#,
                extra: errors(state))
        }
    }
}
