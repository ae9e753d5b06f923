import SuretyConformance
import SuretyContracts
import SuretyJSON

/// Judges recorded exchanges against the contract offline, for `surety check --recordings DIR` in CI.
///
/// Every recording is routed and checked again with the current contract (the violations stored in the file are
/// what the contract said when it was recorded, and the contract may have changed since).
public struct RecordingChecker: Sendable {
    /// The result for one recording.
    public struct Result: Sendable, Hashable {
        /// The file, relative to the recordings folder.
        public var file: String
        /// The endpoint the file says it records.
        public var recordedEndpointID: String?
        /// The endpoint the request routes to now; nil when it routes nowhere.
        public var endpointID: String?
        /// Every violation of the request and the response, warnings included.
        public var violations: [Violation]

        /// Whether the exchange passes: no error-severity violation and the same endpoint as recorded.
        public var passed: Bool { !violations.contains(where: \.isError) && endpointID == recordedEndpointID }
    }

    /// The checker in use.
    public let checker: ExchangeChecker

    /// Creates a recording checker.
    public init(checker: ExchangeChecker) {
        self.checker = checker
    }

    /// Checks each recording, in the order given.
    public func check(_ recordings: [StoredExchange]) -> [Result] {
        recordings.map { stored in
            let (endpointID, violations) = stored.exchange.judged(by: checker)
            return Result(file: stored.file, recordedEndpointID: stored.exchange.endpointID, endpointID: endpointID, violations: violations)
        }
    }

    /// Checks each recording and reports it as a conformance run: one check per file (origin `.recording`), with
    /// the coverage of statuses, optional properties and enum values the recorded responses show.
    ///
    /// A file whose request now routes to another endpoint than the one it records fails with an `endpoint`
    /// violation. The report's backend is `backend` (the folder), its seed 0 and its tenant empty: nothing is sent.
    public func report(_ recordings: [StoredExchange], backend: String) -> ConformanceReport {
        var tracker = CoverageTracker(contract: checker.contract, validator: checker.validator)
        var results: [CheckResult] = []
        results.reserveCapacity(recordings.count)
        for stored in recordings {
            let exchange = stored.exchange
            let response = exchange.response.httpResponse
            let judgement = Exchange.judge(request: exchange.request.httpRequest, response: response, checker: checker)
            var violations = judgement.violations
            let endpointID = judgement.routed?.endpoint.id
            if let endpointID, endpointID != exchange.endpointID {
                violations.append(Violation(part: .path, pointer: JSONPointer(tokens: ["endpoint"]), rule: .endpoint,
                                            expected: exchange.endpointID.map { "the recorded endpoint \($0)" } ?? "no endpoint",
                                            actual: endpointID))
            }
            if let routed = judgement.routed {
                let code = response.status.code
                let documented = routed.endpoint.documents(status: code)
                tracker.record(endpointID: routed.endpoint.id, status: code, documented: documented)
                if documented, let check = judgement.responseCheck, let document = check.document, let type = check.bodyType {
                    tracker.observe(document.value(), as: type)
                }
            }
            results.append(CheckResult(origin: .recording(file: stored.file), name: "recorded", endpointID: endpointID ?? exchange.endpointID,
                                       method: exchange.request.method.rawValue, target: exchange.request.target,
                                       status: response.status.code, violations: violations))
        }
        return ConformanceReport(backend: backend, seed: 0, tenant: "", strict: checker.options.strict, negativeProbes: [],
                                 scenarios: [], results: results, coverage: tracker.coverage())
    }
}

extension Violation.Rule {
    /// A recording whose request routes to another endpoint than the one the file records.
    public static let endpoint = Violation.Rule(rawValue: "endpoint")
}
