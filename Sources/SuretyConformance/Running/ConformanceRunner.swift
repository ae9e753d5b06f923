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
        self.now = now
    }

    /// Runs every scenario and probe and returns the report; `progress` is called after each exchange.
    public func run(progress: (@Sendable (Progress) -> Void)? = nil) async -> ConformanceReport {
        let start = now()
        var state = RunState(tracker: CoverageTracker(contract: contract, validator: checker.validator))
        let negatives = options.activeNegativeProbes
        let negativeCount = contract.endpoints.reduce(0) { count, endpoint in
            count + negatives.filter { Self.applies($0, to: endpoint) }.count
        }
        let probeCount: (Set<String>) -> Int = { reached in
            contract.endpoints.filter { !reached.contains($0.id) }.reduce(0) { count, endpoint in
                count + 1 + (options.probesExtendedPages && endpoint.list?.extended == true ? 1 : 0)
            }
        }
        state.planned = scenarios.reduce(0) { $0 + $1.steps.count } + probeCount([]) + negativeCount
        state.progress = progress
        for scenario in scenarios {
            await run(scenario, state: &state)
        }
        state.planned = state.results.count + probeCount(state.reachedByScenario) + negativeCount
        for endpoint in contract.endpoints where !state.reachedByScenario.contains(endpoint.id) {
            await probe(endpoint, extended: false, state: &state)
            if options.probesExtendedPages, endpoint.list?.extended == true {
                await probe(endpoint, extended: true, state: &state)
            }
        }
        for endpoint in contract.endpoints {
            for negative in negatives {
                await probe(endpoint, negative: negative, state: &state)
            }
        }
        return ConformanceReport(backend: backendName, seed: options.seed, tenant: factory.tenant, strict: options.strict,
                                 negativeProbes: negatives, scenarios: scenarios.map(\.name), results: state.results,
                                 coverage: state.tracker.coverage(), nanoseconds: now() &- start)
    }

    /// What a run accumulates.
    struct RunState {
        var tracker: CoverageTracker
        var captures = CapturePool()
        var results: [CheckResult] = []
        var reachedByScenario: Set<String> = []
        var planned = 0
        var progress: (@Sendable (Progress) -> Void)?

        mutating func append(_ result: CheckResult) {
            results.append(result)
            progress?(Progress(completed: results.count, planned: max(planned, results.count), result: result))
        }
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
            state.captures.learn(from: body, endpoint: routed.endpoint)
        }
        return Exchange(response: response, routed: routed, requestViolations: verdict.violations, responseCheck: check,
                        body: body, nanoseconds: elapsed)
    }
}
