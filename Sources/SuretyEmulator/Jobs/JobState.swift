/// A job's state: the union of the values the Jobs document gives its job kinds (`status`, `jobStatus`, `jobState`).
///
/// Each ``JobFamily`` uses a subset (``JobFamily/states``); ``JobTransitionTable`` says how a job moves between them.
public enum JobState: String, Sendable, Hashable, CaseIterable {
    case queued, initialized, running, finished, completed, failed, interrupted, suspended, terminated
}

/// What moves a job: the clock (``start``, ``finish``, ``fail``, ``interrupt``, when the job's ``JobPlan`` says they
/// are due) or an endpoint (the rest).
public enum JobEvent: String, Sendable, Hashable, CaseIterable {
    /// A queued or initialized job begins to run.
    case start
    /// A running job ends well.
    case finish
    /// A running job ends with processing errors.
    case fail
    /// A running job stops before its end (deserialization: interrupted; anonymization: suspended).
    case interrupt
    /// `POST …/jobs/{jobLocator}/trigger`: a failed documents job runs again.
    case retrigger
    /// `POST …/{locator}/trigger`: a documents job that has run past the timeout starts over.
    case retriggerTimedOut
    /// `POST …/retryFailedTransactions`: a failed installment job is queued again.
    case retry
    /// `PATCH …/deserializeJobs/{locator}/restart`: a failed or interrupted job runs again, one more retry.
    case restart
    /// `PATCH …/deserializeJobs/{locator}/terminate`: a job that has not completed is stopped for good.
    case terminate

    /// The events the clock applies; the others come from endpoints.
    public var isAutomatic: Bool { [.start, .finish, .fail, .interrupt].contains(self) }
}

/// The groups of job kinds that share one set of states and rules.
public enum JobFamily: String, Sendable, Hashable, CaseIterable {
    /// Documents jobs: `status running | finished | failed`.
    case documents
    /// Billing jobs (installments, invoicing, invoice generation and lifecycle, delinquency): `jobStatus queued | running | finished | failed`.
    case billing
    /// Anonymization jobs: `jobStatus initialized | running | suspended | completed`.
    case anonymization
    /// Deserialization jobs: `jobState initialized | running | interrupted | failed | completed | terminated`.
    case deserialization

    /// The states the family's jobs can be in, in the document's order.
    public var states: [JobState] {
        switch self {
        case .documents: return [.running, .finished, .failed]
        case .billing: return [.queued, .running, .finished, .failed]
        case .anonymization: return [.initialized, .running, .suspended, .completed]
        case .deserialization: return [.initialized, .running, .interrupted, .failed, .completed, .terminated]
        }
    }
}
