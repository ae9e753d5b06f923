/// The whole emulator as one value: tenants, tokens, the clock and the locator generator.
///
/// Being a value, it can be copied for a stateless preview, compared in tests, snapshotted to disk and restored
/// by ``EmulatedBackend/reset()``.
public struct EmulatorState: Sendable, Hashable {
    /// Tenants by lower-case UUID.
    public var tenants: [String: TenantStore]
    /// Tokens by token text.
    public var tokens: [String: AccessToken]
    /// The emulator's time.
    public var clock: EmulatorClock
    /// The locator generator.
    public var ids: ULIDGenerator

    /// Creates an empty state.
    public init(clock: EmulatorClock, seed: UInt64) {
        self.tenants = [:]
        self.tokens = [:]
        self.clock = clock
        self.ids = ULIDGenerator(seed: seed)
    }

    /// A new locator at the clock's current time.
    public mutating func makeLocator() -> String { ids.next(at: clock.now()) }
}
