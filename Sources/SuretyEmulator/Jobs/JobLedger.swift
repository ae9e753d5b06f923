import SuretySchemas

/// A tenant's jobs and job settings; the clock moves the jobs through ``settle(at:)``.
public struct JobLedger: Sendable, Hashable {
    /// Jobs by locator (sharded, so a change copies one shard: see ``LocatorTable``); changed through ``insert(_:)``,
    /// ``apply(_:to:kind:at:plan:)``, ``settle(at:)`` and ``remove(_:reference:)``.
    public private(set) var jobs: LocatorTable<Job> = [:]
    /// Durations and failures of the jobs the emulator runs itself.
    public var settings = JobSettings()
    /// The earliest instant at which some job moves by itself; nil when none will.
    private var earliestDue: Timestamp?
    /// The jobs that will still move by themselves: ``settle(at:)`` looks at these, not at every job the tenant has.
    private var scheduled: Set<String> = []

    /// An empty ledger with default settings.
    public init() {}

    /// Adds or replaces a job.
    public mutating func insert(_ job: Job) {
        jobs[job.locator] = job
        note(job)
    }

    /// Removes the jobs of a kind listed under `reference` (the installment jobs of a transaction whose installments
    /// were removed: see ``TransactionLifecycle/applyBilling(to:)``).
    public mutating func remove(_ kind: JobKind, reference: String) {
        for job in list(kind, reference: reference) {
            jobs.removeValue(forKey: job.locator)
            scheduled.remove(job.locator)  // a stale earliestDue only makes the next settle look and find nothing
        }
    }

    /// The instant of a job's next automatic move, or nil when it has none.
    private static func nextDue(_ job: Job) -> Timestamp? { job.nextDue }

    /// Applies every automatic event that is due by `now`, each at the instant it fell due (called on the tenant's
    /// store before each request, at the request's instant); nothing is looked at before the earliest due instant,
    /// and only the jobs that are due are written.
    public mutating func settle(at now: Timestamp) {
        guard let due = earliestDue, due <= now else { return }
        var dueLocators: [String] = []
        var later: Timestamp?
        for locator in scheduled {
            guard let job = jobs[locator], let next = Self.nextDue(job) else { continue }
            if next <= now { dueLocators.append(locator) } else { later = later.map { min($0, next) } ?? next }
        }
        earliestDue = later
        for locator in dueLocators {
            jobs[locator]?.settle(at: now)
            if let job = jobs[locator] { note(job) }
        }
    }

    /// Keeps ``earliestDue`` at the earliest of the job's next automatic move and the others', and ``scheduled`` to
    /// the jobs that have one.
    private mutating func note(_ job: Job) {
        guard let due = Self.nextDue(job) else {
            scheduled.remove(job.locator)
            return
        }
        scheduled.insert(job.locator)
        earliestDue = earliestDue.map { min($0, due) } ?? due
    }

    /// The jobs of a kind, optionally only those listed under `reference`, oldest first.
    public func list(_ kind: JobKind, reference: String? = nil, where include: (Job) -> Bool = { _ in true }) -> [Job] {
        jobs.values.filter { $0.kind == kind && (reference == nil || $0.reference == reference) && include($0) }
            .sorted { ($0.createdAt, $0.locator) < ($1.createdAt, $1.locator) }
    }

    /// A job of a kind, or 404.
    public func job(_ locator: String, kind: JobKind) throws(EmulatorError) -> Job {
        guard let job = jobs[locator], job.kind == kind else { throw .notFound(kind: "\(kind.rawValue) job", locator: locator) }
        return job
    }

    /// Applies an endpoint's event to a job and stores it; 409 when the table refuses it.
    @discardableResult
    public mutating func apply(_ event: JobEvent, to locator: String, kind: JobKind, at now: Timestamp, plan: JobPlan?) throws(EmulatorError) -> Job {
        var job = try job(locator, kind: kind)
        try job.apply(event, at: now, plan: plan)
        insert(job)
        return job
    }
}
