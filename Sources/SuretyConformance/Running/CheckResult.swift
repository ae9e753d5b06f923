import SuretyJSON

/// The outcome of one exchange of a conformance run: which endpoint and check, the status, and what was wrong.
public struct CheckResult: Sendable, Hashable {
    /// Where a check comes from.
    public enum Origin: Sendable, Hashable {
        /// A step of a scenario file.
        case scenario(name: String, step: Int)
        /// A generated valid request (`extended` for the page variant of an extended list).
        case probe(extended: Bool)
        /// A negative probe.
        case negative(NegativeProbe)
        /// A recorded exchange judged offline (`surety check --recordings`); `file` is relative to the folder.
        case recording(file: String)
    }

    /// Where the check comes from.
    public var origin: Origin
    /// The check's name in reports: `valid`, `valid-extended`, a negative probe's name, or `scenario NAME: STEP`.
    public var name: String
    /// The endpoint the request routed to, when it did.
    public var endpointID: String?
    /// The request's method.
    public var method: String
    /// The request's target.
    public var target: String
    /// The response's status; nil when the check was skipped.
    public var status: Int?
    /// What the backend got wrong: response violations and unmet expectations.
    public var violations: [Violation]
    /// What the request itself broke, expected of negative probes and reported for scenarios; never fails the backend.
    public var requestViolations: [Violation]
    /// Why the check did not run, when it did not.
    public var skipped: String?
    /// Why an answered check reached nothing it could judge, when it did not (neither pass nor fail): a 404 for a
    /// locator the runner invented, or a refusal of a generated request on the backend's business grounds.
    public var unreached: String?
    /// The request sent and the response received, kept for failed and unreached checks so a report can show them.
    public var exchange: ExchangeRecord?
    /// Where the check is written, for a scenario step (annotations point there).
    public var location: SourceLocation?
    /// The exchange's wall time in nanoseconds (kept out of the deterministic JSON report).
    public var nanoseconds: UInt64

    /// Creates a result; the target and the violations' quoted values are redacted by ``SecretPolicy/default``.
    public init(origin: Origin, name: String, endpointID: String?, method: String, target: String, status: Int?,
                violations: [Violation] = [], requestViolations: [Violation] = [], skipped: String? = nil, unreached: String? = nil,
                exchange: ExchangeRecord? = nil, nanoseconds: UInt64 = 0) {
        self.origin = origin
        self.name = name
        self.endpointID = endpointID
        self.method = method
        self.target = SecretPolicy.default.redact(target: target)
        self.status = status
        self.violations = violations.map(SecretPolicy.default.redact)
        self.requestViolations = requestViolations.map(SecretPolicy.default.redact)
        self.skipped = skipped
        self.unreached = unreached
        self.exchange = exchange
        self.nanoseconds = nanoseconds
    }

    /// Whether the check ran and the backend broke the contract.
    public var failed: Bool { skipped == nil && violations.contains(where: \.isError) }

    /// What became of the check: passed, failed, unreached or skipped.
    public var outcome: Outcome {
        if skipped != nil { return .skipped }
        if failed { return .failed }
        if unreached != nil { return .unreached }
        return .passed
    }

    /// The four outcomes a report counts.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// The check ran and the backend met the contract.
        case passed
        /// The check ran and the backend broke the contract or an expectation.
        case failed
        /// The check ran but reached nothing to judge (see ``CheckResult/unreached``).
        case unreached
        /// The check did not run.
        case skipped
    }

    /// The recording's file, for recorded exchanges.
    public var recordingFile: String? {
        if case .recording(let file) = origin { return file }
        return nil
    }

    /// The scenario's name, for scenario steps.
    public var scenarioName: String? {
        if case .scenario(let name, _) = origin { return name }
        return nil
    }
}
