import SuretyJSON
import SuretySchemas

/// One job of any kind: its state and times (moved by ``JobTransitionTable``) and the kind's other response members.
public struct Job: Sendable, Hashable {
    /// The kind.
    public var kind: JobKind
    /// The job's locator.
    public var locator: String
    /// Its state.
    public var state: JobState
    /// When it was created.
    public var createdAt: Timestamp
    /// When it entered its current state (the start of its current run for a running job).
    public var updatedAt: Timestamp
    /// When it finished, failed, completed or was terminated; nil while it is not done.
    public var completedAt: Timestamp?
    /// Who caused it.
    public var createdBy: String
    /// What went wrong in its last run.
    public var processingErrors: String?
    /// How often it was restarted (deserialization jobs).
    public var retryCount: Int
    /// How the clock moves it on; nil: it stays where it is until an endpoint moves it.
    public var plan: JobPlan?
    /// The kind's other members, in the schema's shape (references, documents, invoicing data, metadata, …).
    public var data: [JSONMember]
    /// Whether a documents job's current run has taken its data snapshot (``takeDataSnapshot()``).
    public var snapshotTaken = false

    /// Creates a job in `state` at `time`.
    public init(kind: JobKind, locator: String, state: JobState, at time: Timestamp, createdBy: String, plan: JobPlan?,
                data: [JSONMember], processingErrors: String? = nil, retryCount: Int = 0) {
        self.kind = kind
        self.locator = locator
        self.state = state
        self.createdAt = time
        self.updatedAt = time
        self.createdBy = createdBy
        self.plan = plan
        self.data = data
        self.processingErrors = processingErrors
        self.retryCount = retryCount
        if Job.isDone(state) { completedAt = time }
    }

    /// The locator the job is listed under (see ``JobKind/referencePath``).
    public var reference: String? {
        guard let path = kind.referencePath else { return nil }
        return JSONPointer(tokens: path).resolve(in: .object(data))?.stringValue
    }

    /// A data member.
    public subscript(member key: String) -> JSONValue? { data.first { $0.key == key }?.value }

    /// Whether a state ends a run.
    static func isDone(_ state: JobState) -> Bool { [.finished, .completed, .failed, .terminated].contains(state) }

    /// Applies an event at `time`, or throws 409 when the table refuses it; `plan` is the job's plan from then on.
    public mutating func apply(_ event: JobEvent, at time: Timestamp, plan next: JobPlan? = nil) throws(EmulatorError) {
        guard let destination = JobTransitionTable.destination(of: event, family: kind.family, from: state) else {
            throw .jobNotAllowed(operation: event.rawValue, state: state.rawValue, locator: locator)
        }
        if !event.isAutomatic { plan = next }
        snapshotTaken = false
        if event == .restart, retryCount < Int.max { retryCount += 1 }  // a fixture may start it at Int.max
        state = destination
        updatedAt = time
        completedAt = Job.isDone(destination) ? time : nil
        if event == .fail {
            processingErrors = plan?.failure ?? "The job failed."
        } else if !event.isAutomatic {
            processingErrors = nil
        }
        if kind == .documents { markDocuments() }
    }

    /// Applies the automatic events that are due by `now`, each at the instant it fell due (a documents job's data
    /// snapshot before an event due at the same instant).
    public mutating func settle(at now: Timestamp) {
        while true {
            let next = plan?.nextEvent(for: self)
            if let snapshot = snapshotDue, snapshot <= now, next.map({ snapshot <= $0.1 }) ?? true {
                takeDataSnapshot()
                continue
            }
            guard let (event, due) = next, due <= now, (try? apply(event, at: due)) != nil else { return }
        }
    }

    /// The instant of the job's next automatic move (its data snapshot or its plan's next event); nil when none.
    var nextDue: Timestamp? {
        let event = plan?.nextEvent(for: self)?.1
        guard let snapshot = snapshotDue else { return event }
        return event.map { min($0, snapshot) } ?? snapshot
    }

    /// A documents job's documents follow its state: draft while running, ready when finished; when it failed, each
    /// document its own failure (``JobPlan/documentFailures``: dataError, renderError or conversionError), renderError
    /// for one that has none.
    mutating func markDocuments() {
        let failures = plan?.documentFailures ?? [:]
        let jobState = state
        markDocuments { staticName in
            switch jobState {
            case .running: return .draft
            case .failed: return failures[staticName] ?? .renderError
            default: return .ready
            }
        }
    }

    /// Sets each document's `documentInstanceState` (and the deprecated `state`) to what `state(staticName)` answers;
    /// a document not in an error state has no processing errors.
    mutating func markDocuments(_ state: (String) -> DocumentInstance.State) {
        guard let index = data.firstIndex(where: { $0.key == "documents" }), let documents = data[index].value.arrayValue else { return }
        data[index].value = .array(documents.map { document in
            let documentState = state(document["staticName"]?.stringValue ?? "")
            let failed = [.dataError, .renderError, .conversionError].contains(documentState)
            return document.setting(.string(documentState.rawValue), at: JSONPointer(tokens: ["documentInstanceState"]))
                .setting(.string(documentState.rawValue), at: JSONPointer(tokens: ["state"]))
                .setting(.string(failed ? processingErrors ?? "" : ""), at: JSONPointer(tokens: ["processingErrors"]))
        })
    }
}

/// How the clock moves a job on: after how long a waiting job starts, after how long a running one ends, and how.
public struct JobPlan: Sendable, Hashable {
    /// Seconds a queued or initialized job waits before it runs; nil: it never starts by itself.
    public var startAfterSeconds: Int64?
    /// Seconds a running job runs; nil: it runs until an endpoint moves it.
    public var runSeconds: Int64?
    /// The state its run ends in (finished, failed, completed, interrupted, suspended).
    public var ending: JobState
    /// The processing errors written when it fails.
    public var failure: String?
    /// Seconds into a documents job's run at which its data snapshot is taken (its dynamic documents are then
    /// `dataReady`); nil: no separate data step.
    public var snapshotSeconds: Int64?
    /// The static names of a documents job's dynamic documents (rendered from a data snapshot).
    public var dynamicDocuments: Set<String> = []
    /// The state each failing document of a documents job ends in when the job fails, by static name.
    public var documentFailures: [String: DocumentInstance.State] = [:]

    /// Creates a plan.
    public init(startAfterSeconds: Int64? = nil, runSeconds: Int64?, ending: JobState, failure: String? = nil) {
        self.startAfterSeconds = startAfterSeconds
        self.runSeconds = runSeconds
        self.ending = ending
        self.failure = failure
    }

    /// The next automatic event of `job` and when it falls due; nil when none will.
    func nextEvent(for job: Job) -> (JobEvent, Timestamp)? {
        switch job.state {
        case .queued, .initialized:
            return startAfterSeconds.map { (.start, job.updatedAt.adding(seconds: $0)) }
        case .running:
            guard let runSeconds, let event = JobTransitionTable.event(ending: ending, family: job.kind.family) else { return nil }
            return (event, job.updatedAt.adding(seconds: runSeconds))
        default:
            return nil
        }
    }
}
