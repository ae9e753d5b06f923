/// A quote, loaded from fixtures and kept for the quote side of the API (no endpoint of this part serves it).
public struct Quote: Sendable, Hashable {
    /// The quote's locator.
    public var locator: String
    /// The account.
    public var accountLocator: String
    /// The product's name.
    public var productName: String
    /// The quote's state, a transaction state (the quote workflow is the transactions' one).
    public var state: TransactionState
    /// What its installments are computed from, when the fixtures give it (`billing` member).
    public var billing: QuoteBillingRequest?

    /// Creates a quote.
    public init(locator: String, accountLocator: String, productName: String, state: TransactionState) {
        self.locator = locator
        self.accountLocator = accountLocator
        self.productName = productName
        self.state = state
    }
}
