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

    /// The plan of a documents job holding documents with these static names.
    func documentPlan(for staticNames: [String]) -> JobPlan {
        let failing = staticNames.filter(failingDocuments.contains)
        return JobPlan(runSeconds: documentRunSeconds, ending: failing.isEmpty ? .finished : .failed,
                       failure: failing.isEmpty ? nil : "Rendering failed for \(failing.sorted().joined(separator: ", ")).")
    }

    /// The plan of a documents job run again by a trigger.
    var documentRerunPlan: JobPlan { JobPlan(runSeconds: documentRunSeconds, ending: .finished) }

    /// The plan of a new installment job (`failing`: it ends failed) or a retried one.
    func installmentPlan(failing: Bool) -> JobPlan {
        JobPlan(startAfterSeconds: installmentQueueSeconds, runSeconds: installmentRunSeconds, ending: failing ? .failed : .finished,
                failure: failing ? "Installment generation failed (fixture jobSettings.failInstallmentJobs)." : nil)
    }

    /// The plan of a restarted deserialization job.
    var deserializationRestartPlan: JobPlan { JobPlan(runSeconds: deserializationRunSeconds, ending: .completed) }
}
