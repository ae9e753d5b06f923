/// One priced charge of a transaction: an amount of a charge type for one element, in the currency's minor units.
///
/// Amounts are integers so that the billing part can spread them into installment items that sum exactly.
public struct Charge: Sendable, Hashable {
    /// The charge's locator.
    public var locator: String
    /// The element's locator in the transaction's segment (or in the segment it replaces, for a removed element).
    public var elementLocator: String
    /// The element's static locator.
    public var elementStaticLocator: String
    /// The charge type, e.g. `premium`.
    public var chargeType: String
    /// The amount in minor units; negative for a return of premium.
    public var amountMinorUnits: Int
    /// The ISO-4217 currency.
    public var currency: String

    /// The largest magnitude of an amount the emulator takes in, in minor units (10^15): fixtures and requests beyond
    /// it are refused, so that prorating, summing and spreading amounts never overflows `Int`.
    public static let maxAmountMinorUnits = 1_000_000_000_000_000

    /// Creates a charge.
    public init(locator: String, elementLocator: String, elementStaticLocator: String, chargeType: String,
                amountMinorUnits: Int, currency: String) {
        self.locator = locator
        self.elementLocator = elementLocator
        self.elementStaticLocator = elementStaticLocator
        self.chargeType = chargeType
        self.amountMinorUnits = amountMinorUnits
        self.currency = currency
    }
}
