/// A tenant's billing data: lattices, their settings and installments, with the orders the listings answer in.
///
/// The tables are ``LocatorTable``s, so the copy-on-write behind a request's rollback copies one shard of them, not
/// every installment of the tenant.
public struct BillingLedger: Sendable, Hashable {
    /// Lattices by locator.
    public private(set) var lattices: LocatorTable<InstallmentLattice> = [:]
    /// Settings records by locator.
    public private(set) var settings: LocatorTable<SettingsRecord> = [:]
    /// Installments by locator.
    public private(set) var installments: LocatorTable<Installment> = [:]
    /// Lattice locators by policy or quote locator, oldest first.
    private var latticesByOwner: LocatorTable<[String]> = [:]
    /// Installment locators by transaction, policy or quote locator, oldest first.
    private var installmentsByReference: LocatorTable<[String]> = [:]
    /// Transactions whose charges have become installments (a table used as a set, for the same copy-on-write reason).
    private var billed: LocatorTable<Bool> = [:]

    /// An empty ledger.
    public init() {}

    /// Stores a lattice and its settings record.
    public mutating func add(_ lattice: InstallmentLattice, settings record: SettingsRecord) {
        lattices[lattice.locator] = lattice
        settings[record.locator] = record
        latticesByOwner[lattice.policyLocator ?? lattice.quoteLocator ?? "", default: []].append(lattice.locator)
    }

    /// Stores installments and marks the transaction billed.
    public mutating func add(_ created: [Installment], billing transactionLocator: String?) {
        if let transactionLocator { billed[transactionLocator] = true }
        for installment in created {
            installments[installment.locator] = installment
            for reference in [installment.transactionLocator, installment.policyLocator, installment.quoteLocator].compactMap({ $0 }) {
                installmentsByReference[reference, default: []].append(installment.locator)
            }
        }
    }

    /// Replaces a stored installment (its times changed).
    public mutating func update(_ installment: Installment) {
        guard installments[installment.locator] != nil else { return }
        installments[installment.locator] = installment
    }

    /// Removes a transaction's installments (an accept-triggered transaction that will never be issued).
    public mutating func removeInstallments(of transactionLocator: String) {
        guard billed.removeValue(forKey: transactionLocator) != nil else { return }
        let doomed = Set(installmentsByReference.removeValue(forKey: transactionLocator) ?? [])
        for locator in doomed { installments[locator] = nil }
        for key in installmentsByReference.keys { installmentsByReference[key]?.removeAll { doomed.contains($0) } }
    }

    /// Whether a transaction's charges have become installments.
    public func isBilled(_ transactionLocator: String) -> Bool { billed[transactionLocator] != nil }

    /// The lattices of a policy or quote, oldest first.
    public func lattices(of owner: String) -> [InstallmentLattice] {
        (latticesByOwner[owner] ?? []).compactMap { lattices[$0] }
    }

    /// The installments of a transaction, policy or quote, oldest first.
    public func installments(of reference: String) -> [Installment] {
        (installmentsByReference[reference] ?? []).compactMap { installments[$0] }
    }
}
