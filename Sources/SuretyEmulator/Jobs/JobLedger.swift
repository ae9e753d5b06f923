import SuretySchemas

/// A tenant's jobs and job settings; the clock moves the jobs through ``settle(at:)``.
public struct JobLedger: Sendable, Hashable {
    /// Jobs by locator.
    public var jobs: [String: Job] = [:]
    /// Durations and failures of the jobs the emulator runs itself.
    public var settings = JobSettings()

    /// An empty ledger with default settings.
    public init() {}

    /// Applies every automatic event that is due by `now` (called before each request and when the clock moves).
    public mutating func settle(at now: Timestamp) {
        for locator in jobs.keys {
            jobs[locator]?.settle(at: now)
        }
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
        jobs[locator] = job
        return job
    }
}

extension EmulatorState {
    /// Moves every tenant's jobs that are due at the clock's time (``EmulatedBackend/setClock(to:)``, ``EmulatedBackend/advanceClock(bySeconds:)``).
    public mutating func settleJobs() {
        let now = clock.now()
        for tenant in tenants.keys { tenants[tenant]?.jobs.settle(at: now) }
    }
}
