extension TenantStore {
    /// What a change of the store keeps to undo itself besides its tables' undo logs: the store's small values as
    /// they were when it began.
    public struct ChangeMark: Sendable {
        let tenantLocator: String
        let name: String
        let products: [String: Product]
        let jobs: JobLedger.ChangeMark
    }

    /// Starts a change made in place: until ``endChange(_:keeping:)`` every write to a table keeps what it replaces
    /// (once per locator), so that not keeping the change costs what the change wrote, not what the tenant holds.
    public mutating func beginChange() -> ChangeMark {
        let epoch = ChangeEpoch.next()
        accounts.beginChange(epoch)
        quotes.beginChange(epoch)
        billing.beginChange(epoch)
        policies.beginChange(epoch)
        terms.beginChange(epoch)
        transactions.beginChange(epoch)
        segments.beginChange(epoch)
        documents.beginChange(epoch)
        return ChangeMark(tenantLocator: tenantLocator, name: name, products: products, jobs: jobs.beginChange(epoch))
    }

    /// Ends the change `mark` began: kept, its logs are dropped; not kept, the store is again what it was at
    /// ``beginChange()``, value for value.
    public mutating func endChange(_ mark: ChangeMark, keeping: Bool) {
        accounts.endChange(keeping: keeping)
        quotes.endChange(keeping: keeping)
        billing.endChange(keeping: keeping)
        policies.endChange(keeping: keeping)
        terms.endChange(keeping: keeping)
        transactions.endChange(keeping: keeping)
        segments.endChange(keeping: keeping)
        documents.endChange(keeping: keeping)
        jobs.endChange(mark.jobs, keeping: keeping)
        guard !keeping else { return }
        tenantLocator = mark.tenantLocator
        name = mark.name
        products = mark.products
    }

    /// The stored properties whose change ``beginChange()`` records in undo logs, and those its ``ChangeMark``
    /// keeps whole: together, every stored property of the store (a test holds them to the store's own).
    static let changeLogged = ["accounts", "quotes", "billing", "policies", "terms", "transactions", "segments", "documents"]
    /// See ``changeLogged``.
    static let changeMarked = ["tenantLocator", "name", "products", "jobs"]
}

extension TenantStore {
    /// How many records the tenant holds, the count ``EmulatorLimits/maxRecordsPerTenant`` bounds: accounts,
    /// quotes, policies, terms, transactions, segments, documents, lattices, installment settings, installments and
    /// jobs (the indexes derived from them are not counted). Constant time: every table keeps its count.
    public var recordCount: Int {
        accounts.count + quotes.count + policies.count + terms.count + transactions.count + segments.count
            + documents.count + billing.recordCount + jobs.jobs.count
    }
}
