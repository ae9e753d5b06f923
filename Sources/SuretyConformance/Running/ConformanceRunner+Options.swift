import SuretySchemas

extension ConformanceRunner {
    /// What a run sends and which probes it makes.
    public struct Options: Sendable, Hashable {
        /// The seed of every generated identifier and body: the same seed and backend give the same report.
        public var seed: UInt64
        /// The tenant (a UUID) every request uses; nil uses a UUID drawn from the seed.
        public var tenant: String?
        /// The bearer token sent with every request; nil sends no `Authorization` field and skips `no-token`.
        public var token: String?
        /// A valid token that holds none of the endpoints' permissions; nil skips `no-permission`.
        public var tokenWithoutPermission: String?
        /// Report properties and query parameters the contract does not list.
        public var strict: Bool
        /// The negative probes to make (those needing a token run only when it is given).
        public var negativeProbes: Set<NegativeProbe>
        /// Also probe extended list endpoints with `extended=true` to check their page shape.
        public var probesExtendedPages: Bool

        /// Creates options: seed 0, every negative probe on.
        public init(seed: UInt64 = 0, tenant: String? = nil, token: String? = nil, tokenWithoutPermission: String? = nil,
                    strict: Bool = false, negativeProbes: Set<NegativeProbe> = Set(NegativeProbe.allCases),
                    probesExtendedPages: Bool = true) {
            self.seed = seed
            self.tenant = tenant
            self.token = token
            self.tokenWithoutPermission = tokenWithoutPermission
            self.strict = strict
            self.negativeProbes = negativeProbes
            self.probesExtendedPages = probesExtendedPages
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
    }
}
