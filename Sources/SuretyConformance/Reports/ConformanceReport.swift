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
    /// Which endpoints the run reached; nil for judging recordings, which reach nothing.
    public var reach: ReachSummary?
    /// Lines the summary prints before the verdict: scenarios skipped and why, an early stop.
    public var notes: [String]
    /// The run's wall time in nanoseconds (kept out of the deterministic JSON report).
    public var nanoseconds: UInt64

    /// Creates a report.
    public init(backend: String, seed: UInt64, tenant: String, strict: Bool, negativeProbes: [NegativeProbe], scenarios: [String],
                results: [CheckResult], coverage: Coverage, reach: ReachSummary? = nil, notes: [String] = [], nanoseconds: UInt64 = 0) {
        self.backend = backend
        self.seed = seed
        self.tenant = tenant
        self.strict = strict
        self.negativeProbes = negativeProbes
        self.scenarios = scenarios
        self.results = results
        self.coverage = coverage
        self.reach = reach
        self.notes = notes
        self.nanoseconds = nanoseconds
    }

    /// Whether no check failed and the run reached enough of the contract to judge it.
    public var conforms: Bool { !results.contains(where: \.failed) && reachProblem == nil }
    /// How many checks reached nothing to judge.
    public var unreachedCount: Int { results.filter { $0.outcome == .unreached }.count }

    /// Why the run reached too little to say the backend conforms, naming the likely cause; nil when it reached enough.
    public var reachProblem: String? {
        guard let reach, !reach.isEnough else { return nil }
        if reach.reachedCount == 0 {
            let statuses = results.filter { result in
                guard result.status != nil else { return false }
                if case .negative = result.origin { return false }
                return result.endpointID != nil
            }.compactMap(\.status)
            let distinct = Set(statuses)
            if distinct == [401] { return "every request was answered 401: the backend refused the token (give --token, or check it)" }
            if distinct == [403] { return "every request was answered 403: the token is not allowed here (is --tenant the token's tenant?)" }
            if distinct == [404] {
                return "every request was answered 404: is the base URL's path right? (the API's paths start with /policy/, /billing/ and /document/)"
            }
            if statuses.isEmpty { return "no request was answered: nothing was sent that the run may send" }
            let listed = distinct.sorted().map(String.init).joined(separator: ", ")
            return "no endpoint answered a documented success (statuses seen: \(listed))"
        }
        return "\(reach.reachedCount) of \(reach.inScopeCount) endpoints reached, fewer than --min-reached \(reach.minimum?.description ?? "1") asks"
    }
    /// The checks that failed.
    public var failures: [CheckResult] { results.filter(\.failed) }
    /// How many checks ran and passed.
    public var passedCount: Int { results.filter { $0.outcome == .passed }.count }
    /// How many checks were skipped.
    public var skippedCount: Int { results.filter { $0.skipped != nil }.count }
    /// How many error violations the backend committed.
    public var violationCount: Int { results.reduce(0) { $0 + $1.violations.filter(\.isError).count } }
    /// How many warnings (deprecated use, unknown properties in strict mode) were seen.
    public var warningCount: Int { results.reduce(0) { $0 + $1.violations.filter { !$0.isError }.count } }
}
