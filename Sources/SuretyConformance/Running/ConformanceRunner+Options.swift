import SuretyHTTPCore
import SuretySchemas

extension ConformanceRunner {
    /// What a run sends and which probes it makes.
    public struct Options: Sendable, Hashable {
        /// The default of ``maxRequests``: enough to walk every endpoint of the contract with a few locators each.
        public static let defaultMaxRequests = 5_000
        /// How many different locators the discovery tries on one endpoint before it gives up on it.
        public static let maxAttemptsPerEndpoint = 3
        /// How many pages of one list the discovery walks.
        public static let maxPagesPerList = 5

        /// The seed of every generated identifier and body: the same seed and backend give the same report.
        public var seed: UInt64
        /// The tenant (a UUID) every request uses; nil uses a UUID drawn from the seed.
        public var tenant: String?
        /// The bearer token sent with every request; nil sends no `Authorization` field and skips `no-token`.
        public var token: String?
        /// A valid token that holds none of the endpoints' permissions; nil skips `no-permission`.
        public var tokenWithoutPermission: String?
        /// The bearer token sent with admin steps (`/__surety/…`) instead of ``token``; nil sends ``token``.
        public var adminToken: String?
        /// Report properties and query parameters the contract does not list.
        public var strict: Bool
        /// The negative probes to make (those needing a token run only when it is given).
        public var negativeProbes: Set<NegativeProbe>
        /// Also probe extended list endpoints with `extended=true` to check their page shape.
        public var probesExtendedPages: Bool
        /// Send PATCH, POST, PUT and DELETE requests; false makes the run read-only.
        public var allowsWrites: Bool
        /// Accept and issue transactions (only with ``allowsWrites``); false leaves nothing bound or issued.
        public var allowsIssue: Bool
        /// Send requests to Surety's own routes (`/__surety/…`): only for a server known to be Surety's.
        public var allowsAdmin: Bool
        /// Run the scenarios written for the emulator's built-in fixtures.
        public var runsFixtureScenarios: Bool
        /// Locators the user knows exist (`--start KIND=LOCATOR`, `--start-from`): where discovery begins.
        public var starts: [Sighting]
        /// Values for scenario references (`--var NAME=VALUE`).
        public var variables: [String: String]
        /// The most requests the run sends.
        public var maxRequests: Int
        /// Which endpoints the run exercises.
        public var endpoints: EndpointFilter
        /// Extra header fields sent with every request (`--header`), for API gateways.
        public var headers: [HTTPField]
        /// Stop after this many failed checks; nil runs everything.
        public var maxFailures: Int?
        /// The fewest endpoints the run must reach to pass (`--min-reached`); nil asks for one.
        public var minimumReached: ReachBar?

        /// Creates options: seed 0, every negative probe on, writes and admin routes allowed (Surety's own backend).
        public init(seed: UInt64 = 0, tenant: String? = nil, token: String? = nil, tokenWithoutPermission: String? = nil,
                    strict: Bool = false, negativeProbes: Set<NegativeProbe> = Set(NegativeProbe.allCases),
                    probesExtendedPages: Bool = true, allowsWrites: Bool = true, allowsIssue: Bool = true, allowsAdmin: Bool = true,
                    runsFixtureScenarios: Bool = true, starts: [Sighting] = [], variables: [String: String] = [:],
                    maxRequests: Int = Options.defaultMaxRequests, endpoints: EndpointFilter = EndpointFilter(),
                    headers: [HTTPField] = [], maxFailures: Int? = nil, minimumReached: ReachBar? = nil) {
            self.seed = seed
            self.tenant = tenant
            self.token = token
            self.tokenWithoutPermission = tokenWithoutPermission
            self.strict = strict
            self.negativeProbes = negativeProbes
            self.probesExtendedPages = probesExtendedPages
            self.allowsWrites = allowsWrites
            self.allowsIssue = allowsIssue
            self.allowsAdmin = allowsAdmin
            self.runsFixtureScenarios = runsFixtureScenarios
            self.starts = starts
            self.variables = variables
            self.maxRequests = maxRequests
            self.endpoints = endpoints
            self.headers = headers
            self.maxFailures = maxFailures
            self.minimumReached = minimumReached
        }

        /// The tenant requests use: the given one or one drawn from the seed.
        public var effectiveTenant: String {
            if let tenant { return tenant }
            var random = SeededRandom(seed: seed, key: "tenant")
            return ExampleGenerator.uuid(random: &random)
        }

        /// The negative probes that will run: those switched on whose tokens were given.
        public var activeNegativeProbes: [NegativeProbe] {
            NegativeProbe.allCases.filter { probe in
                guard negativeProbes.contains(probe) else { return false }
                switch probe {
                case .noToken: return token != nil
                case .noPermission: return tokenWithoutPermission != nil
                default: return true
                }
            }
        }

        /// Why the run does not send `method` requests to an endpoint, or nil when it may.
        public func refusal(method: String, endpointID: String) -> String? {
            if !endpoints.includes(endpointID) { return "excluded by --endpoint/--exclude" }
            guard !["GET", "HEAD"].contains(method) else { return nil }
            if !allowsWrites { return "a write; the run is read-only (--allow-writes sends writes)" }
            if !allowsIssue, ConformanceRunner.issuingEndpoints.contains(endpointID) {
                return "it binds or issues a transaction (--allow-issue sends it)"
            }
            return nil
        }
    }

    /// The endpoints that bind or issue a transaction, which a run sends only with ``Options/allowsIssue``.
    public static let issuingEndpoints: Set<String> = ["acceptTransaction", "issueTransaction"]
}

/// Which endpoints a run exercises: those matching any `--endpoint` pattern (all when none) and no `--exclude`
/// pattern; a pattern is an endpoint id or a glob with `*` and `?`.
public struct EndpointFilter: Sendable, Hashable {
    /// The patterns an endpoint must match one of; empty matches every endpoint.
    public var included: [String]
    /// The patterns an endpoint must match none of.
    public var excluded: [String]

    /// Creates a filter.
    public init(included: [String] = [], excluded: [String] = []) {
        self.included = included
        self.excluded = excluded
    }

    /// Whether the run exercises the endpoint.
    public func includes(_ id: String) -> Bool {
        (included.isEmpty || included.contains { Self.matches(id, $0) }) && !excluded.contains { Self.matches(id, $0) }
    }

    /// Whether `text` matches a glob of `*` (any run) and `?` (any one character).
    public static func matches(_ text: String, _ pattern: String) -> Bool {
        let t = Array(text), p = Array(pattern)
        var ti = 0, pi = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                ti += 1; pi += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
