/// A tenant's billing data: lattices, their settings and installments, with the orders the listings answer in.
///
/// Every table is a ``LocatorTable``, changed in place with an undo log (``TenantStore/beginChange()``), so a billing
/// change costs the installments it writes, not the tenant's. A tenant holds ten or more installments for every
/// change it bills, so they are stored by block, not one by one: a billing takes its locators from blocks of 1,024
/// consecutive ULIDs (``ULIDBlock``), and the installments whose locators share a block's 24-character key are one
/// entry, an array in creation order (a listing by reference reads the blocks, not every locator).
public struct BillingLedger: Sendable, Hashable {
    /// Lattices by locator.
    public private(set) var lattices: LocatorTable<InstallmentLattice> = [:]
    /// Settings records by locator.
    public private(set) var settings: LocatorTable<SettingsRecord> = [:]
    /// Installments by the key of their locators' block (``ULIDBlock/key(of:)``), oldest first.
    private var blocks: LocatorTable<[Installment]> = [:]
    /// How many installments ``blocks`` holds.
    public private(set) var installmentCount = 0
    /// ``installmentCount`` when the open change began, put back when the change is not kept.
    private var installmentCountAtChange = 0
    /// Lattice locators by policy or quote locator, oldest first.
    private var latticesByOwner: LocatorTable<[String]> = [:]
    /// Block keys by transaction, policy or quote locator, oldest first (a ``HistoryList``: a policy's grows with
    /// its history, and a bill appends its blocks without copying the rest). A block holds one billing's installments.
    private var blocksByReference: LocatorTable<HistoryList<String>> = [:]
    /// Transactions whose charges have become installments.
    private var billed: LocatorTable<Bool> = [:]

    /// An empty ledger.
    public init() {}

    /// How many lattices, settings records and installments the ledger holds.
    public var recordCount: Int { lattices.count + settings.count + installmentCount }

    /// Whether a transaction's charges have become installments (a transaction is billed once).
    public func isBilled(_ transactionLocator: String) -> Bool { billed[transactionLocator] != nil }

    /// Stores a lattice and its settings record.
    public mutating func add(_ lattice: InstallmentLattice, settings record: SettingsRecord) {
        lattices[lattice.locator] = lattice
        settings[record.locator] = record
        latticesByOwner[lattice.policyLocator ?? lattice.quoteLocator ?? "", default: []].append(lattice.locator)
    }

    /// Stores installments, made from blocks no other billing used, and marks the transaction billed.
    public mutating func add(_ created: [Installment], billing transactionLocator: String?) {
        if let transactionLocator { billed[transactionLocator] = true }
        var start = created.startIndex
        while start < created.endIndex {
            // The installments of one block are adjacent (a billing's locators only grow): each block is stored at
            // once, in an array of its exact size.
            let key = ULIDBlock.key(of: created[start].id)
            var end = start + 1
            while end < created.endIndex, ULIDBlock.same(created[end].id, created[start].id) { end += 1 }
            var run = blocks[key] ?? []
            run.reserveCapacity(run.count + end - start)  // exactly: a block is seldom written again
            run.append(contentsOf: created[start..<end])
            blocks[key] = run
            for reference in Self.references(of: created[start]) where blocksByReference[reference]?.last != key {
                blocksByReference[reference, default: []].append(key)
            }
            start = end
        }
        installmentCount += created.count
    }

    /// The installment with a locator, or nil.
    public func installment(_ locator: String) -> Installment? {
        guard let id = ULID(locator) else { return nil }
        return blocks[ULIDBlock.key(of: id)]?.first { $0.id == id }
    }

    /// Every installment, in no particular order (tests and snapshots).
    public var allInstallments: [Installment] { blocks.values.flatMap { $0 } }

    /// Replaces a stored installment (its times changed).
    public mutating func update(_ installment: Installment) {
        let key = ULIDBlock.key(of: installment.id)
        guard let index = blocks[key]?.firstIndex(where: { $0.id == installment.id }) else { return }
        blocks[key]?[index] = installment
    }

    /// Removes a transaction's installments (an accept-triggered transaction that will never be issued).
    public mutating func removeInstallments(of transactionLocator: String) {
        guard billed.removeValue(forKey: transactionLocator) != nil else { return }
        let doomed = blocksByReference.removeValue(forKey: transactionLocator).map(Array.init) ?? []
        let removed = doomed.compactMap { blocks.removeValue(forKey: $0) }
        installmentCount -= removed.reduce(0) { $0 + $1.count }
        let gone = Set(doomed)
        for reference in Set(removed.flatMap { $0.flatMap { [$0.policyLocator, $0.quoteLocator].compactMap { $0 } } }) {
            blocksByReference[reference]?.removeAll { gone.contains($0) }
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
        guard let id = ULID(locator) else { return }
        let key = ULIDBlock.key(of: id)
        guard let index = blocks[key]?.firstIndex(where: { $0.id == id }), let installment = blocks[key]?.remove(at: index) else { return }
        installmentCount -= 1
        guard blocks[key]?.isEmpty == true else { return }
        blocks.removeValue(forKey: key)
        for reference in Self.references(of: installment) { blocksByReference[reference]?.removeAll { $0 == key } }
    }

    /// The lattices of a policy or quote, oldest first.
    public func lattices(of owner: String) -> [InstallmentLattice] {
        (latticesByOwner[owner] ?? []).compactMap { lattices[$0] }
    }

    /// The installments of a transaction, policy or quote, oldest first.
    public func installments(of reference: String) -> [Installment] {
        guard let keys = blocksByReference[reference] else { return [] }
        var found: [Installment] = []
        for run in keys.runs {
            for key in run { found += blocks[key] ?? [] }
        }
        return found
    }

    /// The locators an installment is listed under.
    private static func references(of installment: Installment) -> [String] {
        [installment.transactionLocator, installment.policyLocator, installment.quoteLocator].compactMap { $0 }
    }

    /// Starts recording a change in every table (see ``LocatorTable/beginChange(_:)``).
    public mutating func beginChange(_ epoch: UInt64) {
        lattices.beginChange(epoch)
        settings.beginChange(epoch)
        blocks.beginChange(epoch)
        installmentCountAtChange = installmentCount
        latticesByOwner.beginChange(epoch)
        blocksByReference.beginChange(epoch)
        billed.beginChange(epoch)
    }

    /// Ends the open change in every table, kept or undone.
    public mutating func endChange(keeping: Bool) {
        lattices.endChange(keeping: keeping)
        settings.endChange(keeping: keeping)
        blocks.endChange(keeping: keeping)
        if !keeping { installmentCount = installmentCountAtChange }
        installmentCountAtChange = 0  // at rest it is 0, so equal ledgers compare equal
        latticesByOwner.endChange(keeping: keeping)
        blocksByReference.endChange(keeping: keeping)
        billed.endChange(keeping: keeping)
    }
}
