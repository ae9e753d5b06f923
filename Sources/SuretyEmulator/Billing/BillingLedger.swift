/// A tenant's billing data: lattices, their settings and installments, with the orders the listings answer in.
///
/// Every table is a ``LocatorTable``, changed in place with an undo log (``TenantStore/beginChange()``), so a billing
/// change costs the installments it writes, not the tenant's.
public struct BillingLedger: Sendable, Hashable {
    /// Lattices by locator.
    public private(set) var lattices: LocatorTable<InstallmentLattice> = [:]
    /// Settings records by locator.
    public private(set) var settings: LocatorTable<SettingsRecord> = [:]
    /// Installments by locator.
    public private(set) var installments: LocatorTable<Installment> = [:]
    /// Lattice locators by policy or quote locator, oldest first.
    private var latticesByOwner: LocatorTable<[String]> = [:]
    /// Installment locators by transaction, policy or quote locator, oldest first (a ``HistoryList``: a policy's
    /// grows with its history, and a bill appends its run without copying the rest).
    private var installmentsByReference: LocatorTable<HistoryList<String>> = [:]
    /// Transactions whose charges have become installments.
    private var billed: LocatorTable<Bool> = [:]

    /// An empty ledger.
    public init() {}

    /// How many lattices, settings records and installments the ledger holds.
    public var recordCount: Int { lattices.count + settings.count + installments.count }

    /// Whether a transaction's charges have become installments (a transaction is billed once).
    public func isBilled(_ transactionLocator: String) -> Bool { billed[transactionLocator] != nil }

    /// Stores a lattice and its settings record.
    public mutating func add(_ lattice: InstallmentLattice, settings record: SettingsRecord) {
        lattices[lattice.locator] = lattice
        settings[record.locator] = record
        latticesByOwner[lattice.policyLocator ?? lattice.quoteLocator ?? "", default: []].append(lattice.locator)
    }

    /// Stores installments and marks the transaction billed.
    public mutating func add(_ created: [Installment], billing transactionLocator: String?) {
        if let transactionLocator { billed[transactionLocator] = true }
        var byReference: [(reference: String, locators: [String])] = []  // in first-seen order, each reference once
        for installment in created {
            installments[installment.locator] = installment
            for reference in [installment.transactionLocator, installment.policyLocator, installment.quoteLocator].compactMap({ $0 }) {
                if let index = byReference.firstIndex(where: { $0.reference == reference }) {
                    byReference[index].locators.append(installment.locator)
                } else {
                    byReference.append((reference, [installment.locator]))
                }
            }
        }
        for (reference, locators) in byReference { installmentsByReference[reference, default: []].append(contentsOf: locators) }
    }

    /// Replaces a stored installment (its times changed).
    public mutating func update(_ installment: Installment) {
        guard installments[installment.locator] != nil else { return }
        installments[installment.locator] = installment
    }

    /// Removes a transaction's installments (an accept-triggered transaction that will never be issued).
    public mutating func removeInstallments(of transactionLocator: String) {
        guard billed.removeValue(forKey: transactionLocator) != nil else { return }
        let doomed = installmentsByReference.removeValue(forKey: transactionLocator).map(Array.init) ?? []
        let removed = doomed.compactMap { installments.removeValue(forKey: $0) }
        let gone = Set(doomed)
        for reference in Set(removed.flatMap { [$0.policyLocator, $0.quoteLocator].compactMap { $0 } }) {
            installmentsByReference[reference]?.removeAll { gone.contains($0) }
        }
    }

    /// Removes a lattice and its settings record (one made by a billing that was redone, on which no installment lies).
    public mutating func remove(lattice locator: String) {
        guard let lattice = lattices.removeValue(forKey: locator) else { return }
        settings.removeValue(forKey: lattice.settingsLocator)
        latticesByOwner[lattice.policyLocator ?? lattice.quoteLocator ?? ""]?.removeAll { $0 == locator }
    }

    /// Removes one installment (folded into another of its transaction) from the tables and the listings.
    public mutating func remove(installment locator: String) {
        guard let installment = installments.removeValue(forKey: locator) else { return }
        for reference in [installment.transactionLocator, installment.policyLocator, installment.quoteLocator].compactMap({ $0 }) {
            installmentsByReference[reference]?.removeAll { $0 == locator }
        }
    }

    /// The lattices of a policy or quote, oldest first.
    public func lattices(of owner: String) -> [InstallmentLattice] {
        (latticesByOwner[owner] ?? []).compactMap { lattices[$0] }
    }

    /// The installments of a transaction, policy or quote, oldest first.
    public func installments(of reference: String) -> [Installment] {
        (installmentsByReference[reference].map(Array.init) ?? []).compactMap { installments[$0] }
    }

    /// Starts recording a change in every table (see ``LocatorTable/beginChange(_:)``).
    public mutating func beginChange(_ epoch: UInt64) {
        lattices.beginChange(epoch)
        settings.beginChange(epoch)
        installments.beginChange(epoch)
        latticesByOwner.beginChange(epoch)
        installmentsByReference.beginChange(epoch)
        billed.beginChange(epoch)
    }

    /// Ends the open change in every table, kept or undone.
    public mutating func endChange(keeping: Bool) {
        lattices.endChange(keeping: keeping)
        settings.endChange(keeping: keeping)
        installments.endChange(keeping: keeping)
        latticesByOwner.endChange(keeping: keeping)
        installmentsByReference.endChange(keeping: keeping)
        billed.endChange(keeping: keeping)
    }
}
