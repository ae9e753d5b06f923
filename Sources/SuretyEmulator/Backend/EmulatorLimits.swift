/// The bounds on what the emulator holds, so that a client that keeps writing meets a clear refusal, never a server
/// that grows until the machine runs out of memory.
public struct EmulatorLimits: Sendable, Hashable {
    /// The most records one tenant may hold: its accounts, quotes, policies, terms, transactions, segments,
    /// documents, lattices, installment settings, installments and jobs (``TenantStore/recordCount``). A request
    /// that would leave a tenant with more is refused with 507 and undone; one that removes records, or writes
    /// without adding any, always goes ahead. About 0.6 KB a record is kept (`docs/benchmarks.md`), so the default
    /// holds a tenant to roughly 3 GB.
    public var maxRecordsPerTenant: Int

    /// The default of ``maxRecordsPerTenant`` (`--max-records`).
    public static let defaultMaxRecordsPerTenant = 5_000_000

    /// The defaults.
    public static let `default` = EmulatorLimits()

    /// Creates limits; every default is documented on its property.
    public init(maxRecordsPerTenant: Int = defaultMaxRecordsPerTenant) {
        self.maxRecordsPerTenant = maxRecordsPerTenant
    }
}
