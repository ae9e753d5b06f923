import SuretyJSON

extension EmulatorState {
    /// A state holding `fixtures`, every policy issued by an issuance transaction at the clock's time.
    public init(fixtures: EmulatorFixtures, clock: EmulatorClock, seed: UInt64, options: EmulatorOptions) throws(FixtureErrors) {
        self.init(clock: clock, seed: seed)
        try add(fixtures, options: options)
    }

    /// Adds fixtures to a running state (`POST /__surety/fixtures`): new tenants are created, known tenants gain
    /// the new products, accounts, quotes and policies. Nothing is added when any locator, product or token
    /// already exists; every clash is reported.
    public mutating func add(_ fixtures: EmulatorFixtures, options: EmulatorOptions, file: String = FixtureErrors.unnamedFile) throws(FixtureErrors) {
        var issues: [FixtureIssue] = []
        for (index, token) in fixtures.tokens.enumerated() where tokens[token.token] != nil {
            issues.append(FixtureIssue(file: file, pointer: JSONPointer(tokens: ["tokens", String(index)]), reason: .duplicate(kind: "token", value: token.token)))
        }
        for (tenantIndex, tenant) in fixtures.tenants.enumerated() {
            guard let existing = tenants[tenant.locator] else { continue }
            for (index, product) in tenant.products.enumerated() where existing.products[product.name] != nil {
                issues.append(FixtureIssue(file: file, pointer: JSONPointer(tokens: ["tenants", String(tenantIndex), "products", String(index)]),
                                           reason: .duplicate(kind: "product", value: product.name)))
            }
            for (index, policy) in tenant.policies.enumerated() where policy.locator.map({ existing.policies[$0] != nil }) == true {
                issues.append(FixtureIssue(file: file, pointer: JSONPointer(tokens: ["tenants", String(tenantIndex), "policies", String(index)]),
                                           reason: .duplicate(kind: "policy", value: policy.locator ?? "")))
            }
        }
        issues += jobClashes(fixtures, file: file)
        guard issues.isEmpty else { throw FixtureErrors(issues: issues) }
        for token in fixtures.tokens { tokens[token.token] = token }
        var context = OperationContext(now: clock.now(), user: options.anonymousUser, ids: ids, options: options)
        for tenant in fixtures.tenants {
            var store = tenants[tenant.locator] ?? TenantStore(tenantLocator: tenant.locator, name: tenant.name)
            for product in tenant.products { store.products[product.name] = product }
            for account in tenant.accounts { store.accounts[account.locator] = account }
            for quote in tenant.quotes {
                store.quotes[quote.locator] = quote
                store.seedBilling(of: quote, context: &context)
            }
            for seed in tenant.policies { store.seed(seed, context: &context) }
            store.jobs.add(tenant.jobs, settings: tenant.jobSettings, at: clock.now(), user: options.anonymousUser)
            tenants[tenant.locator] = store
        }
        ids = context.ids
    }
}
