import SuretySchemas
/// Everything one tenant owns, as values: products, accounts, quotes, policies, terms, transactions, segments and
/// documents, keyed by locator. Another tenant's locators are simply absent here, so they answer 404.
///
/// Every table that grows with the tenant is a ``LocatorTable`` (a hash trie a copy shares), and so are the ledgers'
/// tables: the backend changes the store in place and undoes a failed request from the tables' undo logs
/// (``beginChange()``), so a request costs what it writes, however much the tenant holds.
public struct TenantStore: Sendable, Hashable {
    /// The tenant's UUID (lower case).
    public var tenantLocator: String
    /// Its name.
    public var name: String
    /// Products by name.
    public var products: [String: Product] = [:]
    /// Accounts by locator.
    public var accounts: LocatorTable<Account> = [:]
    /// Quotes by locator.
    public var quotes: LocatorTable<Quote> = [:]
    /// Installment lattices, their settings and installments.
    public var billing = BillingLedger()
    /// Policies by locator.
    public var policies: LocatorTable<Policy> = [:]
    /// Terms by locator.
    public var terms: LocatorTable<Term> = [:]
    /// Transactions by locator.
    public var transactions: LocatorTable<PolicyTransaction> = [:]
    /// Segments by locator.
    public var segments: LocatorTable<Segment> = [:]
    /// Documents by locator.
    public var documents: DocumentTable = [:]
    /// Jobs and job settings.
    public var jobs = JobLedger()

    /// Creates an empty tenant.
    public init(tenantLocator: String, name: String) {
        self.tenantLocator = tenantLocator.lowercased()
        self.name = name
    }

    /// The policy, or 404.
    public func policy(_ locator: String) throws(EmulatorError) -> Policy {
        guard let policy = policies[locator] else { throw .notFound(kind: "policy", locator: locator) }
        return policy
    }

    /// The transaction, or 404.
    public func transaction(_ locator: String) throws(EmulatorError) -> PolicyTransaction {
        guard let transaction = transactions[locator] else { throw .notFound(kind: "transaction", locator: locator) }
        return transaction
    }

    /// The term, or 404.
    public func term(_ locator: String) throws(EmulatorError) -> Term {
        guard let term = terms[locator] else { throw .notFound(kind: "term", locator: locator) }
        return term
    }

    /// The segment, or 404.
    public func segment(_ locator: String) throws(EmulatorError) -> Segment {
        guard let segment = segments[locator] else { throw .notFound(kind: "segment", locator: locator) }
        return segment
    }

    /// The product of a policy, or 422 when the fixtures name one that does not exist.
    public func product(of policy: Policy) throws(EmulatorError) -> Product {
        guard let product = products[policy.productName] else {
            throw .unprocessable(reason: "Policy \(policy.locator) names product \(policy.productName), which the fixtures do not define.")
        }
        return product
    }

    /// The documents about a transaction or a segment, by locator: those its transaction made (a segment's is the
    /// transaction that built it), not every document of the tenant.
    public func documents(about reference: String, type: DocumentInstance.ReferenceType) -> [DocumentInstance] {
        let maker = type == .segment ? segments[reference]?.transactionLocator : reference
        return documents.made(by: maker ?? "").filter { $0.referenceType == type && $0.referenceLocator == reference }
            .sorted { $0.locator < $1.locator }
    }

    /// Where a segment ends: the end of its term.
    public func segmentEnd(_ segment: Segment) -> Timestamp { terms[segment.termLocator]?.endTime ?? segment.startTime }

    /// A duration calculator for a policy's basis and zone, anchored at a term's start.
    public func calculator(for policy: Policy, term: Term) -> DurationCalculator {
        DurationCalculator(basis: policy.durationBasis, timeZoneIdentifier: policy.timeZone, termStart: term.startTime)
    }

    /// The policy's issued, non-reversed transactions of a term, in issue order.
    public func issuedTransactions(of policy: Policy, term termLocator: String) -> [PolicyTransaction] {
        policy.issuedLocators.compactMap { transactions[$0] }.filter { $0.state == .issued && $0.termLocator == termLocator }
    }

    /// The top of the policy's stack: its last issued, non-reversed transaction.
    public func topIssued(of policy: Policy) -> PolicyTransaction? {
        policy.issuedLocators.reversed().lazy.compactMap { transactions[$0] }.first { $0.state == .issued }
    }

    /// The policy's first issued term after `term`, if any.
    public func nextIssuedTerm(after term: Term, of policy: Policy) -> Term? {
        policy.termLocators.compactMap { terms[$0] }
            .filter { $0.pendingRenewalLocator == nil && $0.number > term.number }
            .min { $0.startTime < $1.startTime }
    }

    /// The unissued, open transactions a chained transaction builds on, oldest first; empty when its base is issued.
    public func provisionalChain(below transaction: PolicyTransaction) -> [PolicyTransaction] {
        var chain: [PolicyTransaction] = []
        var next = transaction.baseTransactionLocator
        while let locator = next, let base = transactions[locator], !base.state.isFinal {
            chain.insert(base, at: 0)
            next = base.baseTransactionLocator
        }
        return chain
    }

    /// The term of a policy that contains `instant`, or the last one that starts before it.
    public func term(of policy: Policy, at instant: Timestamp) -> Term? {
        let terms = policy.termLocators.compactMap { self.terms[$0] }.filter { $0.pendingRenewalLocator == nil }
        return terms.last { $0.startTime <= instant && instant < $0.endTime } ?? terms.last { $0.startTime <= instant } ?? terms.first
    }
}
