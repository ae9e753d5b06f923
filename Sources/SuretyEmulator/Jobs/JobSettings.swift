/// How long the jobs the emulator runs itself take, and which of them fail: a tenant's `jobSettings` fixture.
///
/// The platform's durations and timeout are unpublished (`semantics.md` §5 [U]); these are the emulator's choices.
public struct JobSettings: Sendable, Hashable {
    /// Seconds a documents job runs before it finishes (or fails).
    public var documentRunSeconds: Int64 = 5
    /// Seconds after which a running documents job counts as timed out (its reference's trigger restarts it).
    public var documentTimeoutSeconds: Int64 = 300
    /// Static names of documents whose rendering fails: a documents job holding one of them ends `failed`; run
    /// again by its trigger, it finishes (the failure is taken as transient).
    public var failingDocuments: Set<String> = []
    /// The step at which a document's rendering fails, by static name: `dataError` (the data snapshot; its job fails
    /// when the snapshot is due), `renderError` (as ``failingDocuments``) or `conversionError` (converting the
    /// rendered document to its format); a retriggered run finishes.
    public var documentFailures: [String: DocumentInstance.State] = [:]
    /// Seconds into a documents job's run at which the data snapshot of its dynamic documents is taken (they are
    /// then `dataReady` until the job finishes).
    public var documentDataSeconds: Int64 = 0
    /// Seconds an installment job waits queued.
    public var installmentQueueSeconds: Int64 = 1
    /// Seconds an installment job runs.
    public var installmentRunSeconds: Int64 = 5
    /// Installment jobs created at the billing trigger end `failed` (a retry then finishes).
    public var failInstallmentJobs = false
    /// Seconds a restarted deserialization job runs before it completes.
    public var deserializationRunSeconds: Int64 = 60

    /// The defaults documented on each property.
    public init() {}

    /// The step at which a document with this static name fails, if it does.
    func failure(of staticName: String) -> DocumentInstance.State? {
        documentFailures[staticName] ?? (failingDocuments.contains(staticName) ? .renderError : nil)
    }

    /// The plan of a documents job holding `documents`: it fails when one of them fails (at the data snapshot when
    /// one fails there), naming each failing document under its step.
    func documentPlan(for documents: [DocumentInstance]) -> JobPlan {
        var failures: [String: DocumentInstance.State] = [:]
        for document in documents { failures[document.staticName] = failure(of: document.staticName) }
        let steps: [(DocumentInstance.State, String)] = [(.dataError, "The data snapshot failed"), (.renderError, "Rendering failed"),
                                                         (.conversionError, "Conversion failed")]
        let message = steps.compactMap { step, text -> String? in
            let names = failures.filter { $0.value == step }.keys.sorted()
            return names.isEmpty ? nil : "\(text) for \(names.joined(separator: ", "))."
        }.joined(separator: " ")
        let atSnapshot = failures.values.contains(.dataError)
        var plan = JobPlan(runSeconds: atSnapshot ? min(documentDataSeconds, documentRunSeconds) : documentRunSeconds,
                           ending: failures.isEmpty ? .finished : .failed, failure: failures.isEmpty ? nil : message)
        plan.snapshotSeconds = documentDataSeconds
        plan.dynamicDocuments = Set(documents.filter(\.isDynamic).map(\.staticName))
        plan.documentFailures = failures
        return plan
    }

    /// The plan of a documents job run again by a trigger: it finishes, its dynamic documents passing `dataReady`.
    func documentRerunPlan(for job: Job) -> JobPlan {
        var plan = JobPlan(runSeconds: documentRunSeconds, ending: .finished)
        plan.snapshotSeconds = documentDataSeconds
        plan.dynamicDocuments = job.plan?.dynamicDocuments ?? []
        return plan
    }

    /// The plan of a new installment job (`failing`: it ends failed) or a retried one.
    func installmentPlan(failing: Bool) -> JobPlan {
        JobPlan(startAfterSeconds: installmentQueueSeconds, runSeconds: installmentRunSeconds, ending: failing ? .failed : .finished,
                failure: failing ? "Installment generation failed (fixture jobSettings.failInstallmentJobs)." : nil)
    }

    /// The plan of a restarted deserialization job.
    var deserializationRestartPlan: JobPlan { JobPlan(runSeconds: deserializationRunSeconds, ending: .completed) }
}
