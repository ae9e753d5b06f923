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
    /// violation. A request `surety check` sent invalid on purpose (it carries ``NegativeProbe/header``) is judged by
    /// its probe's expectation and its response's shape, not by what its request breaks; an exchange with Surety's
    /// own routes (`/__surety/…`) is no exchange of the API and is left out, counted in a note. The report's backend
    /// is `backend` (the folder), its seed 0 and its tenant empty: nothing is sent.
    public func report(_ recordings: [StoredExchange], backend: String) -> ConformanceReport {
        var tracker = CoverageTracker(contract: checker.contract, validator: checker.validator)
        var results: [CheckResult] = []
        results.reserveCapacity(recordings.count)
        var adminExchanges = 0
        for stored in recordings {
            let exchange = stored.exchange
            guard !exchange.request.path.hasPrefix(SuretyRoutes.adminPrefix) else {
                adminExchanges += 1
                continue
            }
            let response = exchange.response.httpResponse
            let judgement = Exchange.judge(request: exchange.request.httpRequest, response: response, checker: checker)
            var violations = judgement.violations
            let probe = exchange.request.headers[NegativeProbe.header].flatMap(NegativeProbe.init(rawValue:))
            if let probe, let routed = judgement.routed {
                let responseParts: Set<Violation.Part> = [.status, .responseHeader, .responseBody]
                violations = violations.filter { responseParts.contains($0.part) && $0.rule != .status }
                    + probe.violations(endpoint: routed.endpoint, status: response.status.code, body: judgement.responseCheck?.document?.value())
            }
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
            results.append(CheckResult(origin: .recording(file: stored.file), name: probe?.rawValue ?? "recorded", endpointID: endpointID ?? exchange.endpointID,
                                       method: exchange.request.method.rawValue, target: exchange.request.target,
                                       status: response.status.code, violations: violations))
        }
        let notes = adminExchanges == 0 ? [] : ["\(adminExchanges) exchange(s) with Surety's own routes (/__surety/) left out: they are no exchanges of the API"]
        return ConformanceReport(backend: backend, seed: 0, tenant: "", strict: checker.options.strict, negativeProbes: [],
                                 scenarios: [], results: results, coverage: tracker.coverage(), notes: notes)
    }
}

extension Violation.Rule {
    /// A recording whose request routes to another endpoint than the one the file records.
    public static let endpoint = Violation.Rule(rawValue: "endpoint")
}
