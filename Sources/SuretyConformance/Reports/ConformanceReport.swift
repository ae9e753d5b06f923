/// Everything a conformance run found: each check's outcome, the coverage, and the settings that make it repeatable.
public struct ConformanceReport: Sendable, Hashable {
    /// What was checked: a base URL, or a description of the in-process backend.
    public var backend: String
    /// The seed of the run.
    public var seed: UInt64
    /// The tenant the requests used.
    public var tenant: String
    /// Whether unknown properties and query parameters counted.
    public var strict: Bool
    /// The negative probes that ran.
    public var negativeProbes: [NegativeProbe]
    /// The scenarios that ran, in order.
    public var scenarios: [String]
    /// Every check, in the order it ran.
    public var results: [CheckResult]
    /// What the run saw of the contract.
    public var coverage: Coverage
    /// The run's wall time in nanoseconds (kept out of the deterministic JSON report).
    public var nanoseconds: UInt64

    /// Creates a report.
    public init(backend: String, seed: UInt64, tenant: String, strict: Bool, negativeProbes: [NegativeProbe], scenarios: [String],
                results: [CheckResult], coverage: Coverage, nanoseconds: UInt64 = 0) {
        self.backend = backend
        self.seed = seed
        self.tenant = tenant
        self.strict = strict
        self.negativeProbes = negativeProbes
        self.scenarios = scenarios
        self.results = results
        self.coverage = coverage
        self.nanoseconds = nanoseconds
    }

    /// Whether no check failed.
    public var conforms: Bool { !results.contains(where: \.failed) }
    /// The checks that failed.
    public var failures: [CheckResult] { results.filter(\.failed) }
    /// How many checks ran and passed.
    public var passedCount: Int { results.filter { $0.skipped == nil && !$0.failed }.count }
    /// How many checks were skipped.
    public var skippedCount: Int { results.filter { $0.skipped != nil }.count }
    /// How many error violations the backend committed.
    public var violationCount: Int { results.reduce(0) { $0 + $1.violations.filter(\.isError).count } }
    /// How many warnings (deprecated use, unknown properties in strict mode) were seen.
    public var warningCount: Int { results.reduce(0) { $0 + $1.violations.filter { !$0.isError }.count } }
}
