import Dispatch
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// Drives a backend through the contract: scenarios first, then a generated valid request for every endpoint no
/// scenario reached, then the negative probes; every exchange judged by ``ExchangeChecker``, every body walked for
/// coverage.
///
/// Exchanges run one at a time in a fixed order and every value is drawn from the seed, so the same backend and
/// seed give the same ``ConformanceReport`` (timings aside). The backend is any ``Responder``: an in-process mock or
/// emulator, or `UpstreamClient` for a live server.
public struct ConformanceRunner: Sendable {
    /// One finished exchange, for progress displays.
    public struct Progress: Sendable {
        /// Exchanges finished so far.
        public var completed: Int
        /// Exchanges planned (scenario steps and probes; a close estimate until the scenarios have run).
        public var planned: Int
        /// The check just finished.
        public var result: CheckResult
    }

    /// The locator the `unknown-locator` probe sends: the smallest ULID (time 0), which no backend issues, so it
    /// is unknown everywhere and a stateless mock can recognise it.
    public static let unknownLocator = "00000000000000000000000000"
    /// The value the `malformed-tenant` probe sends.
    public static let malformedTenant = "not-a-uuid"
    /// The value the `malformed-locator` probe sends.
    public static let malformedLocator = "not-a-locator"
    /// How many seeded attempts a probe makes to generate a request the contract accepts.
    public static let maxRequestAttempts = 8

    /// The contract checked against.
    public let contract: Contract
    /// The backend under test.
    public let backend: any Responder
    /// What the run sends and probes.
    public let options: Options
    /// The scenarios, run first, in order.
    public let scenarios: [Scenario]
    /// The one checker every exchange goes through.
    public let checker: ExchangeChecker
    /// What the report calls the backend.
    public let backendName: String
    let factory: RequestFactory
    /// The kinds of locator the contract's paths take, which discovery follows.
    let locatorKinds: LocatorKinds
    let now: @Sendable () -> UInt64

    /// Creates a runner; `now` gives monotonic nanoseconds for timings and is injectable for tests.
    public init(contract: Contract, backend: any Responder, options: Options = Options(), scenarios: [Scenario] = [],
                backendName: String = "in-process", now: @escaping @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }) {
        self.contract = contract
        self.backend = backend
        self.options = options
        self.scenarios = scenarios
        self.checker = ExchangeChecker(contract: contract, options: .init(strict: options.strict))
        self.backendName = backendName
        self.factory = RequestFactory(contract: contract, options: options)
        self.locatorKinds = factory.kinds
        self.now = now
    }

    /// Runs every scenario and probe and returns the report; `progress` is called after each exchange.
    public func run(progress: (@Sendable (Progress) -> Void)? = nil) async -> ConformanceReport {
        let start = now()
        var state = RunState(tracker: CoverageTracker(contract: contract, validator: checker.validator), maxRequests: options.maxRequests,
                             maxFailures: options.maxFailures)
        for sighting in options.starts {
            state.captures.add(sighting)
            state.captures.set(sighting.kind + "Locator", sighting.value)
        }
        for (name, value) in options.variables.sorted(by: { $0.key < $1.key }) { state.captures.set(name, value) }
        let negatives = options.activeNegativeProbes
        let inScope = contract.endpoints.filter { options.refusal(method: $0.method, endpointID: $0.id) == nil }
        let negativeCount = inScope.reduce(0) { count, endpoint in
            count + negatives.filter { Self.applies($0, to: endpoint) }.count
        }
        state.planned = scenarios.reduce(0) { $0 + $1.steps.count } + inScope.count + negativeCount
        state.progress = progress
        // Scenarios that need a locator the run does not know yet run after discovery has found one.
        var deferred: [Scenario] = []
        for scenario in scenarios where !state.stopped {
            if skipReason(scenario) == nil, !unresolvedRunReferences(scenario, pool: state.captures).isEmpty {
                deferred.append(scenario)
                continue
            }
            await runOrSkip(scenario, state: &state)
        }
        state.planned = state.results.count + inScope.filter { !state.reached.contains($0.id) }.count + negativeCount
        await discover(state: &state)
        for scenario in deferred where !state.stopped {
            let missing = unresolvedRunReferences(scenario, pool: state.captures)
            if !missing.isEmpty {
                let names = missing.sorted().map { $0.hasPrefix("a ") ? $0 : "{{\($0)}}" }.joined(separator: ", ")
                skip(scenario, "nothing known for \(names): give --var NAME=VALUE, or --start KIND=LOCATOR so discovery finds one", state: &state)
                continue
            }
            await runOrSkip(scenario, state: &state)
        }
        for endpoint in inScope where endpoint.method != "GET" && !state.reached.contains(endpoint.id) && !state.stopped {
            guard let candidate = candidates(for: endpoint, pool: state.captures, inventing: true).first else { continue }
            await sendValid(endpoint, candidate: candidate, state: &state)
        }
        for endpoint in inScope {
            for negative in negatives where !state.stopped {
                await probe(endpoint, negative: negative, state: &state)
            }
        }
        for endpoint in contract.endpoints where state.reach[endpoint.id] == nil {
            state.reach[endpoint.id] = options.refusal(method: endpoint.method, endpointID: endpoint.id) ?? "not reached"
        }
        state.notes = Self.scenarioNotes(state.skippedScenarios) + state.notes
        if state.stopped, let reason = state.stopReason { state.notes.append(reason) }
        let reach = ReachSummary(endpoints: contract.endpoints.map { endpoint in
            ReachSummary.Entry(id: endpoint.id, inScope: options.refusal(method: endpoint.method, endpointID: endpoint.id) == nil,
                               reached: state.reached.contains(endpoint.id), how: state.reach[endpoint.id] ?? "")
        }, minimum: options.minimumReached)
        return ConformanceReport(backend: backendName, seed: options.seed, tenant: factory.tenant, strict: options.strict,
                                 negativeProbes: negatives, scenarios: scenarios.map(\.name), results: state.results,
                                 coverage: state.tracker.coverage(), reach: reach, notes: state.notes, nanoseconds: now() &- start)
    }

    /// What one exchange gave: the response, the check, and the body as a value.
    struct Exchange {
        var response: HTTPResponse
        var routed: RoutedRequest?
        var requestViolations: [Violation]
        var responseCheck: ResponseCheck?
        var body: JSONValue?
        var nanoseconds: UInt64
    }

    /// Sends a request, judges both halves with the checker, and records statuses, coverage and captures.
    func exchange(_ request: HTTPRequest, state: inout RunState) async -> Exchange {
        let verdict = checker.judge(request)
        var request = request
        for field in options.headers {
            request.headers.removeAll(named: field.name)
            request.headers.append(field)
        }
        state.countRequest()
        let started = now()
        let response = await backend.respond(to: request)
        let elapsed = now() &- started
        guard let routed = verdict.routed else {
            return Exchange(response: response, routed: nil, requestViolations: verdict.violations, nanoseconds: elapsed)
        }
        let check = checker.checkResponse(response, to: routed)
        let body = check.document.map { $0.value() }
        let documented = routed.endpoint.documents(status: response.status.code)
        state.tracker.record(endpointID: routed.endpoint.id, status: response.status.code, documented: documented)
        if documented, let body, let type = check.bodyType {
            state.tracker.observe(body, as: type)
            state.captures.learn(from: body, endpoint: routed.endpoint, path: routed.pathParameters, kinds: locatorKinds)
        }
        return Exchange(response: response, routed: routed, requestViolations: verdict.violations, responseCheck: check,
                        body: body, nanoseconds: elapsed)
    }
}
