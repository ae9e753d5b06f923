import SuretyJSON
import SuretySchemas

/// A job given by the fixtures (a tenant's `jobs`), with where it was written so that later checks can point at it.
public struct JobSeed: Sendable, Hashable {
    /// The kind.
    public var kind: JobKind
    /// The locator.
    public var locator: String
    /// The state it starts in.
    public var state: JobState
    /// When it was created; the clock's time at loading when nil.
    public var createdAt: Timestamp?
    /// Who created it; the anonymous user when nil.
    public var createdBy: String?
    /// How the clock moves it on; nil: only endpoints move it.
    public var plan: JobPlan?
    /// Its processing errors.
    public var processingErrors: String?
    /// Its retry count.
    public var retryCount: Int
    /// The kind's other response members.
    public var data: [JSONMember]
    /// The fixtures file.
    public var file: String
    /// Where the job is in the file.
    public var pointer: JSONPointer
    /// The line and column of the job's `data`, when known.
    public var position: TextPosition?

    /// The job, created at `time` unless the seed says when.
    public func makeJob(at time: Timestamp, user: String) -> Job {
        var job = Job(kind: kind, locator: locator, state: state, at: createdAt ?? time, createdBy: createdBy ?? user, plan: plan,
                      data: data, processingErrors: processingErrors, retryCount: retryCount)
        if kind == .documents && data.contains(where: { $0.key == "documents" }) { job.markDocuments() }
        return job
    }
}

extension JobLedger {
    /// Adds fixture jobs and, when given, replaces the settings.
    mutating func add(_ seeds: [JobSeed], settings: JobSettings?, at time: Timestamp, user: String) {
        if let settings { self.settings = settings }
        for seed in seeds { insert(seed.makeJob(at: time, user: user)) }
    }
}

extension EmulatorState {
    /// Fixture jobs whose locator the running emulator already has.
    func jobClashes(_ fixtures: EmulatorFixtures, file: String) -> [FixtureIssue] {
        fixtures.tenants.flatMap { tenant in
            tenant.jobs.filter { tenants[tenant.locator]?.jobs.jobs[$0.locator] != nil }.map { seed in
                FixtureIssue(file: file, pointer: seed.pointer, reason: .duplicate(kind: "job", value: seed.locator))
            }
        }
    }
}
