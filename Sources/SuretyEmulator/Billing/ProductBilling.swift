/// A product's billing configuration: its installment plans, when charges are billed and where rounding goes.
///
/// Read from a product's `billing` member in the fixtures (see ``FixtureReader``); every choice here is one that
/// `semantics.md` §2 marks inferred or unknown.
public struct ProductBilling: Sendable, Hashable {
    /// The lifecycle step at which a transaction's charges become installments.
    public enum Trigger: String, Sendable, Hashable, CaseIterable {
        /// When the transaction is issued: the platform's only `BillingTrigger` value [S CDM], the default.
        case issue
        /// When it is accepted; installments of a transaction that is then refused or invalidated are removed.
        case accept

        /// The state whose reaching bills.
        public var state: TransactionState { self == .issue ? .issued : .accepted }
    }

    /// Which end of a charge's items wins a tie when the rounding remainder is spread by largest remainder
    /// (``ChargeSpreader/split(_:by:remainder:)``); no item ever takes the whole remainder.
    public enum Remainder: String, Sendable, Hashable, CaseIterable {
        /// Ties go to the later items (the default).
        case lastItem
        /// Ties go to the earlier items.
        case firstItem
    }

    /// A named installment plan (the platform's `InstallmentPlanRef` configuration).
    public struct Plan: Sendable, Hashable {
        /// The plan's name, matched by `InstallmentPreferences.installmentPlanName`.
        public var name: String
        /// Its settings.
        public var settings: InstallmentSettings

        /// Creates a plan.
        public init(name: String, settings: InstallmentSettings) {
            self.name = name
            self.settings = settings
        }
    }

    /// How a charge type is invoiced (`ChargeInvoicing` [S]; its meaning is the emulator's reading of the names [I]).
    public enum Invoicing: String, Sendable, Hashable, CaseIterable {
        /// Spread over the installment schedule (the default); queued only when there is no schedule (cadence `none`).
        case scheduled
        /// Queued for the next invoice, never spread.
        case next
        /// Queued to be invoiced at once, never spread.
        case immediate
    }

    /// The plans, the first being the default.
    public var plans: [Plan]
    /// How each charge type named here is invoiced; a type not named is `scheduled`.
    public var chargeInvoicing: [String: Invoicing] = [:]
    /// When charges are billed.
    public var trigger: Trigger
    /// Which item takes the remainder.
    public var remainder: Remainder

    /// Creates a configuration; with no plans the default is ``InstallmentSettings``' monthly plan with no lead days.
    public init(plans: [Plan] = [], trigger: Trigger = .issue, remainder: Remainder = .lastItem) {
        self.plans = plans
        self.trigger = trigger
        self.remainder = remainder
    }

    /// The settings of the plan named `name`, or nil when there is none.
    public func plan(named name: String) -> InstallmentSettings? { plans.first { $0.name == name }?.settings }

    /// The default plan's settings.
    public var defaultSettings: InstallmentSettings { plans.first?.settings ?? InstallmentSettings() }
}
