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
    /// Every transaction created on it, in creation order.
    public var transactionLocators: [String]
    /// Issued transactions in issue order: the stack (reversed ones stay, marked by their state).
    public var issuedLocators: [String]

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
    }
}
