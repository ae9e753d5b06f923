import SuretySchemas

/// A policy: its product, account, time zone and the ordered lists of its terms and transactions.
public struct Policy: Sendable, Hashable {
    /// The policy's locator.
    public var locator: String
    /// The account it belongs to.
    public var accountLocator: String
    /// The product's name.
    public var productName: String
    /// The IANA time zone durations are computed in.
    public var timeZone: String
    /// The ISO-4217 currency of its charges.
    public var currency: String
    /// The unit of its durations.
    public var durationBasis: DurationBasis
    /// Its terms, oldest first.
    public var termLocators: [String]
    /// Every transaction created on it, in creation order (a ``HistoryList``: the lists that grow with every change are
    /// appended to without copying them whole, though an undo log keeps the policy they were part of).
    public var transactionLocators: HistoryList<String>
    /// Issued transactions in issue order: the stack (reversed ones stay, marked by their state).
    public private(set) var issuedLocators: HistoryList<String>
    /// The same transactions' ``IssuedFact``s, in the same order.
    public private(set) var issuedFacts: HistoryList<IssuedFact>
    /// The latest place in effective-time order of the reapplicable facts (``IssuedFact/isReapplicable``), reversed
    /// ones included; nil when there is none. A transaction placed after it has nothing issued later to reapply, which
    /// the out-of-sequence check then knows without walking the history.
    public private(set) var latestReapplicable: IssuedFact.Place?

    /// Creates a policy with no terms or transactions yet.
    public init(locator: String, accountLocator: String, productName: String, timeZone: String, currency: String,
                durationBasis: DurationBasis) {
        self.locator = locator
        self.accountLocator = accountLocator
        self.productName = productName
        self.timeZone = timeZone
        self.currency = currency
        self.durationBasis = durationBasis
        self.termLocators = []
        self.transactionLocators = []
        self.issuedLocators = []
        self.issuedFacts = []
    }

    /// Puts an issued transaction on top of the stack, with its facts; `segmentStart` is its segment's start. (Its
    /// creation index is looked up from the end: locators are unique, and the one issued is usually recent.)
    public mutating func appendIssued(_ transaction: PolicyTransaction, segmentStart: Timestamp?) {
        issuedLocators.append(transaction.locator)
        let fact = IssuedFact(locator: transaction.locator, termLocator: transaction.termLocator,
                              segmentLocator: transaction.segmentLocator, segmentStart: segmentStart ?? transaction.effectiveTime,
                              effectiveTime: transaction.effectiveTime, category: transaction.category,
                              creationIndex: creationIndex(of: transaction.locator))
        issuedFacts.append(fact)
        if fact.isReapplicable, latestReapplicable.map({ $0 < fact.place }) ?? true { latestReapplicable = fact.place }
    }

    /// A transaction's position in creation order (looked up from the end: locators are unique, and the one looked up
    /// is usually recent); the count for one not created on this policy.
    private func creationIndex(of locator: String) -> Int {
        transactionLocators.lastIndex(of: locator) ?? transactionLocators.count
    }
}
