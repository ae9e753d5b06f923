import SuretySchemas
/// What a business rule needs besides the tenant's data: the time, the acting user, locators and options.
///
/// Handlers take the tenant's ``TenantStore`` and this context `inout`; the backend writes both back only when
/// the operation succeeds and is not stateless, so a refused or previewed operation changes nothing.
public struct OperationContext: Sendable {
    /// The instant the operation happens at.
    public var now: Timestamp
    /// The acting user's UUID (`createdBy`).
    public var user: String
    /// The locator generator.
    public var ids: ULIDGenerator
    /// The emulator's options.
    public var options: EmulatorOptions

    /// Creates a context.
    public init(now: Timestamp, user: String, ids: ULIDGenerator, options: EmulatorOptions) {
        self.now = now
        self.user = user
        self.ids = ids
        self.options = options
    }

    /// A new locator.
    public mutating func makeLocator() -> String { ids.next(at: now) }
}

extension OperationContext {
    /// A new locator from `block`, reserving a fresh block at the operation's time when there is none or it is used
    /// up: the locators one billing makes share as few blocks as they can (see ``BillingLedger``).
    public mutating func makeID(in block: inout ULIDBlock?) -> ULID {
        if let id = block?.take() { return id }
        var fresh = ids.reserveBlock(at: now)
        let id = fresh.take()!  // a fresh block holds 1,024
        block = fresh
        return id
    }
}
