import Foundation
import SuretyJSON
import SuretySchemas

extension TenantStore {
    /// What billing one transaction made: the lattice its installments lie on and the installments, in order.
    public struct BilledTransaction: Sendable, Hashable {
        /// The lattice the installments were laid out by.
        public var latticeLocator: String
        /// The installments made, in frame order.
        public var installmentIDs: [ULID]

        /// The installments' locators, comma-separated, written at once (as the installment job names them).
        public var installmentLocatorList: String { ULID.list(installmentIDs, separator: ",") }
    }

    /// The billing configuration of a product (the defaults when the product has none).
    public func billingConfiguration(of productName: String) -> ProductBilling { products[productName]?.billing ?? ProductBilling() }

    /// The lattice a term's transactions are billed on: its latest normal lattice whose making transaction is not reversed.
    public func currentLattice(policy policyLocator: String, term termLocator: String) -> InstallmentLattice? {
        billing.lattices(of: policyLocator).last { lattice in
            !lattice.isReversal && lattice.termLocator == termLocator
                && lattice.originTransactionLocator.map { transactions[$0]?.state != .reversed } != false
        }
    }

    /// The settings a transaction is billed with: the term's current settings (for a renewal's new term, the previous
    /// term's; else the product's default plan), overridden by its `preferences.installmentPreferences`.
    public func installmentSettings(for transaction: PolicyTransaction, policy: Policy, term: Term) throws(EmulatorError) -> InstallmentSettings {
        let configuration = billingConfiguration(of: policy.productName)
        let base = currentLattice(policy: policy.locator, term: term.locator)?.settings
            ?? term.previousTermLocator.flatMap { currentLattice(policy: policy.locator, term: $0)?.settings }
            ?? configuration.defaultSettings
        guard let preferences = transaction.parameters?.preferences?["installmentPreferences"], preferences != .null else { return base }
        return try Self.settings(base: base, preferences: preferences, configuration: configuration,
                                 at: "transaction \(transaction.locator) preferences/installmentPreferences")
    }

    /// `base` (or the plan `installmentPlanName` names) with the preferences laid over it; 422 naming the member at fault.
    public static func settings(base: InstallmentSettings, preferences: JSONValue, configuration: ProductBilling,
                                at place: String) throws(EmulatorError) -> InstallmentSettings {
        var start = base
        if let name = preferences["installmentPlanName"]?.stringValue {
            guard let plan = configuration.plan(named: name) else {
                let known = configuration.plans.map(\.name).joined(separator: ", ")
                throw .unprocessable(reason: "\(place)/installmentPlanName: no installment plan \(name.prefix(60)) (the product has: \(known.isEmpty ? "none" : known)).")
            }
            start = plan
        }
        let (settings, problems) = start.overlaid(with: preferences)
        if let problem = problems.first {
            let member = problem.key.isEmpty ? "" : "/\(problem.key)"
            throw .unprocessable(reason: "\(place)\(member): expected \(problem.expected), found \(problem.actual).")
        }
        return settings
    }

    /// Turns an issued (or accepted) transaction's charges into installments on its term's lattice, making the lattice
    /// first when the term has none or the settings or term dates changed (a plan change: the old frames before the
    /// effective time, the new plan's after it). A reversal negates the installments of what it undoes on a reversal
    /// lattice. A transaction is billed once: nil when it already was.
    @discardableResult
    public mutating func bill(_ transaction: PolicyTransaction, context: inout OperationContext) throws(EmulatorError) -> BilledTransaction? {
        guard !billing.isBilled(transaction.locator) else { return nil }
        let policy = try policy(transaction.policyLocator)
        let term = try term(transaction.termLocator)
        let configuration = billingConfiguration(of: policy.productName)
        let owner = InstallmentFactory.Owner(accountLocator: policy.accountLocator, policyLocator: policy.locator, termLocator: term.locator,
                                             transactionLocator: transaction.locator)
        let scale = CurrencyMinorUnits.of(policy.currency)
        if transaction.category == .reversal {
            return billReversal(transaction, policy: policy, term: term, owner: owner, scale: scale, context: &context)
        }
        let settings = try installmentSettings(for: transaction, policy: policy, term: term)
        let effective = min(max(transaction.effectiveTime, term.startTime), term.endTime)
        let current = currentLattice(policy: policy.locator, term: term.locator)
        let lattice: InstallmentLattice
        if let current, current.settings == settings, current.termStart == term.startTime, current.termEnd == term.endTime {
            lattice = current
        } else {
            var frames = LatticeBuilder.frames(settings: settings, timeZoneIdentifier: policy.timeZone, termStart: term.startTime, termEnd: term.endTime)
            if let current, effective > term.startTime {
                frames = LatticeBuilder.merged(current.frames, frames, at: effective, termStart: term.startTime, termEnd: term.endTime)
            }
            lattice = makeLattice(frames: frames, settings: settings, owner: owner, basedOn: current?.locator,
                                  origin: transaction.locator, effective: current == nil ? term.startTime : effective,
                                  policy: policy, term: term, reversal: false, context: &context)
        }
        let factory = InstallmentFactory(lattice: lattice, currencyScale: scale, remainder: configuration.remainder)
        var block: ULIDBlock?
        let made = factory.installments(of: transaction.charges, from: effective, to: term.endTime, owner: owner, now: context.now,
                                        user: context.user) { context.makeID(in: &block) }
        billing.add(made, billing: transaction.locator)
        if let current, current.termEnd > term.endTime {
            foldInstallments(pastEndOf: term, onto: lattice, now: context.now, user: context.user)
        }
        return BilledTransaction(latticeLocator: lattice.locator, installmentIDs: made.map(\.id))
    }

    /// Bills a reversal: the installments of what it undoes, negated, on a new reversal lattice.
    mutating func billReversal(_ transaction: PolicyTransaction, policy: Policy, term: Term, owner: InstallmentFactory.Owner, scale: Int,
                               context: inout OperationContext) -> BilledTransaction {
        let originals = transaction.reversedLocators.flatMap { billing.installments(of: $0) }
        let undone = transaction.reversedLocators.compactMap { transactions[$0] }.flatMap(\.charges)
        var chargeMap: [String: String] = [:]
        for (old, new) in zip(undone, transaction.charges) { chargeMap[old.locator] = new.locator }
        let basedOn = originals.first.flatMap { billing.lattices[$0.latticeLocator] }
        let frames = originals.map { original -> LatticeFrame in
            let stored = billing.lattices[original.latticeLocator]?.frames ?? []
            var frame = (stored.indices.contains(original.frameIndex) ? stored[original.frameIndex] : nil)
                ?? LatticeFrame(installmentStart: original.installmentStart, installmentEnd: original.installmentEnd,
                                coverageStart: original.coverageStart, coverageEnd: original.coverageEnd, generateTime: original.generateTime,
                                dueTime: original.dueTime, autopayTime: original.autopayTime, normalizedWeight: 1)
            frame.coverageStart = original.coverageStart
            frame.coverageEnd = original.coverageEnd
            return frame
        }
        let total = frames.reduce(Decimal(0)) { $0 + $1.normalizedWeight }
        let normalised = frames.map { frame -> LatticeFrame in
            var copy = frame
            copy.normalizedWeight = total > 0 ? DurationCalculator.rounded(frame.normalizedWeight / total) : 0
            return copy
        }
        let lattice = makeLattice(frames: normalised, settings: basedOn?.settings ?? billingConfiguration(of: policy.productName).defaultSettings,
                                  owner: owner, basedOn: basedOn?.locator, origin: transaction.locator, effective: transaction.effectiveTime,
                                  policy: policy, term: term, reversal: true, context: &context)
        let factory = InstallmentFactory(lattice: lattice, currencyScale: scale, remainder: billingConfiguration(of: policy.productName).remainder)
        var block: ULIDBlock?
        let made = factory.reversals(of: originals, charges: chargeMap, owner: owner, now: context.now, user: context.user) {
            context.makeID(in: &block)
        }
        billing.add(made, billing: transaction.locator)
        return BilledTransaction(latticeLocator: lattice.locator, installmentIDs: made.map(\.id))
    }

    /// Stores a new lattice of a policy's term with its settings record.
    mutating func makeLattice(frames: [LatticeFrame], settings: InstallmentSettings, owner: InstallmentFactory.Owner, basedOn: String?,
                              origin: String?, effective: Timestamp, policy: Policy, term: Term, reversal: Bool,
                              context: inout OperationContext) -> InstallmentLattice {
        let record = SettingsRecord(locator: context.makeLocator(), settings: settings, createdAt: context.now, createdBy: context.user)
        let lattice = InstallmentLattice(
            locator: context.makeLocator(), accountLocator: owner.accountLocator, policyLocator: policy.locator, termLocator: term.locator,
            quoteLocator: nil, basedOnLocator: basedOn, settingsLocator: record.locator, settings: settings, originTransactionLocator: origin,
            effectiveTime: effective, currency: policy.currency, timeZone: policy.timeZone, durationBasis: policy.durationBasis,
            isReversal: reversal, termStart: term.startTime, termEnd: term.endTime, createdAt: context.now, createdBy: context.user,
            frames: frames)
        billing.add(lattice, settings: record)
        return lattice
    }
}
