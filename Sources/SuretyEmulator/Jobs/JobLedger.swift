import SuretySchemas

/// A tenant's jobs and job settings; the clock moves the jobs through ``settle(at:)``.
public struct JobLedger: Sendable, Hashable {
    /// Jobs by locator (a ``LocatorTable``, so a change costs the jobs it writes, not the tenant's); changed through
    /// ``insert(_:)``, ``apply(_:to:kind:at:plan:)``, ``settle(at:)`` and ``remove(_:reference:)``.
    public private(set) var jobs: LocatorTable<Job> = [:]
    /// Durations and failures of the jobs the emulator runs itself.
    public var settings = JobSettings()
    /// When the jobs that will still move by themselves move next: ``settle(at:)`` takes the due ones from its front,
    /// not from every job the tenant has. Derived from ``jobs``.
    private var due = DueQueue()
    /// Job locators by the locator they are listed under (``Job/reference``), oldest first. Derived from ``jobs``.
    private var byReference: LocatorTable<[String]> = [:]

    /// An empty ledger with default settings.
    public init() {}

    /// Adds or replaces a job.
    public mutating func insert(_ job: Job) {
        let previous = jobs.updateValue(job, forKey: job.locator)
        if previous?.reference != job.reference {
            if let old = previous?.reference { byReference[old]?.removeAll { $0 == job.locator } }
            if let reference = job.reference { byReference[reference, default: []].append(job.locator) }
        }
        note(job)
    }

    /// Removes the jobs of a kind listed under `reference` (the installment jobs of a transaction whose installments
    /// were removed: see ``TransactionLifecycle/applyBilling(to:)``); their queue entries go stale and are skipped.
    public mutating func remove(_ kind: JobKind, reference: String) {
        let doomed = Set(list(kind, reference: reference).map(\.locator))
        guard !doomed.isEmpty else { return }
        for locator in doomed { jobs.removeValue(forKey: locator) }
        byReference[reference]?.removeAll { doomed.contains($0) }
        if byReference[reference]?.isEmpty == true { byReference[reference] = nil }
    }

    /// The instant of a job's next automatic move, or nil when it has none.
    private static func nextDue(_ job: Job) -> Timestamp? { job.nextDue }

    /// Applies every automatic event that is due by `now`, each at the instant it fell due (called on the tenant's
    /// store before each request, at the request's instant); only the jobs that are due are looked at and written.
    public mutating func settle(at now: Timestamp) {
        while let instant = due.firstDue, instant <= now, let locator = due.removeFirst() {
            // A stale entry: the job moved (an endpoint, or an earlier entry) or was removed since it was queued.
            // Read and changed in place: a job copied out whole costs more than its settling.
            guard jobs.read(locator, { Self.nextDue($0) }) == instant else { continue }
            jobs[locator]?.settle(at: now)
            // A job the table stops before its due event keeps that event, which is never applied: leave it out.
            if let next = jobs.read(locator, { Self.nextDue($0) }) ?? nil, next > now { due.insert(next, locator) }
        }
    }

    /// Queues the job's next automatic move, if it has one.
    private mutating func note(_ job: Job) {
        guard let next = Self.nextDue(job) else { return }
        due.insert(next, job.locator)
    }

    /// The jobs of a kind, optionally only those listed under `reference`, oldest first.
    public func list(_ kind: JobKind, reference: String? = nil, where include: (Job) -> Bool = { _ in true }) -> [Job] {
        let candidates = reference.map { (byReference[$0] ?? []).compactMap { jobs[$0] } } ?? jobs.values
        return candidates.filter { $0.kind == kind && (reference == nil || $0.reference == reference) && include($0) }
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

    /// Equal when the jobs and settings are (the queue and the index are derived from the jobs).
    public static func == (lhs: JobLedger, rhs: JobLedger) -> Bool { lhs.jobs == rhs.jobs && lhs.settings == rhs.settings }

    /// Hashes the jobs and settings.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(jobs)
        hasher.combine(settings)
    }

    /// The ledger's values a change keeps whole to undo itself: the settings (the due queue keeps its own undo).
    public struct ChangeMark: Sendable {
        let settings: JobSettings
    }

    /// Starts recording a change: the tables and the queue log their writes, the rest is kept in the mark.
    public mutating func beginChange(_ epoch: UInt64) -> ChangeMark {
        jobs.beginChange(epoch)
        byReference.beginChange(epoch)
        due.beginChange()
        return ChangeMark(settings: settings)
    }

    /// Ends the change `mark` began, kept or undone.
    public mutating func endChange(_ mark: ChangeMark, keeping: Bool) {
        jobs.endChange(keeping: keeping)
        byReference.endChange(keeping: keeping)
        due.endChange(keeping: keeping)
        guard !keeping else { return }
        settings = mark.settings
    }
}
