/// An account, loaded from fixtures (the API part emulated here has no endpoint to create one).
public struct Account: Sendable, Hashable {
    /// The account's locator.
    public var locator: String
    /// Its name.
    public var name: String

    /// Creates an account.
    public init(locator: String, name: String) {
        self.locator = locator
        self.name = name
    }
}
