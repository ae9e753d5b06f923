import Foundation
import SuretyJSON
import SuretySchemas

/// A quote's billing computed from a ``QuoteBillingRequest``: its settings, lattice, installments and the charges
/// that are queued instead of spread (`statelessPreview`, and fixture quotes with a `billing` member).
///
/// A charge whose type the product invoices `next` or `immediate` (``ProductBilling/chargeInvoicing``) is queued as a
/// policy charge with that invoicing instead of spread. With cadence `none` the lattice has no frames and every
/// charge is queued: with its type's invoicing when the product names one (a `scheduled` one waits for a schedule),
/// else with the `next` invoice [I]. An `invoiceFeeAmount` is queued as a billing charge of type `invoiceFee` [I].
public struct BillingPreview: Sendable, Hashable {
    /// A charge queued for invoicing rather than spread (`ChargeQueueItem`).
    public struct QueuedCharge: Sendable, Hashable {
        /// The charge's locator.
        public var chargeLocator: String
        /// The amount in minor units.
        public var amountMinorUnits: Int
        /// The charge type.
        public var chargeType: String
        /// `policy` for a product charge, `billing` for a fee.
        public var source: String
        /// The element's static locator, for a policy charge.
        public var elementStaticLocator: String?
        /// How it is invoiced.
        public var invoicing: ProductBilling.Invoicing = .next
    }

    /// The request.
    public var request: QuoteBillingRequest
    /// The quote, when the billing is a quote's.
    public var quoteLocator: String?
    /// The settings record.
    public var settings: SettingsRecord
    /// The lattice.
    public var lattice: InstallmentLattice
    /// The installments.
    public var installments: [Installment]
    /// The queued charges.
    public var queued: [QueuedCharge]
    /// The currency's decimal places.
    public var currencyScale: Int

    /// The preview as an `InstallmentsPreview` (nothing persisted).
    public var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "accountLocator", value: .string(request.accountLocator)),
            JSONMember(key: "durationBasis", value: .string(lattice.durationBasis.rawValue)),
            JSONMember(key: "settings", value: settings.jsonValue(withAudit: true)),
            JSONMember(key: "installments", value: .array(installments.map(\.jsonValue))),
            JSONMember(key: "persistedInstallmentLocators", value: .array([])),
            JSONMember(key: "queuedPolicyCharges", value: .array(queued.map { charge in
                var metadata: [JSONMember] = [JSONMember(key: "timezone", value: .string(lattice.timeZone)),
                                              JSONMember(key: "invoicing", value: .string(charge.invoicing.rawValue))]
                if let element = charge.elementStaticLocator { metadata.append(JSONMember(key: "elementStaticLocator", value: .string(element))) }
                return .object([
                    "accountLocator": .string(request.accountLocator), "chargeLocator": .string(charge.chargeLocator),
                    "currency": .string(lattice.currency), "amount": .number(TenantStore.amount(charge.amountMinorUnits, scale: currencyScale)),
                    "chargeMetadata": .object(metadata), "chargeSource": .string(charge.source), "chargeType": .string(charge.chargeType),
                ])
            })),
        ]
        if let quoteLocator { members.append(JSONMember(key: "quoteLocator", value: .string(quoteLocator))) }
        return .object(members)
    }
}

extension TenantStore {
    /// Computes a quote's billing; 422 for an unknown product or preferences that do not apply.
    public func preview(_ request: QuoteBillingRequest, quoteLocator: String?, context: inout OperationContext) throws(EmulatorError) -> BillingPreview {
        guard let product = products[request.productName] else {
            throw .unprocessable(reason: "productName \(request.productName.prefix(60)) is not a product of this tenant.")
        }
        let configuration = product.billing
        var settings = configuration.defaultSettings
        if let preferences = request.installmentPreferences {
            settings = try Self.settings(base: settings, preferences: preferences, configuration: configuration, at: "installmentPreferences")
        }
        let timeZone = request.timeZone ?? product.timeZone
        let record = SettingsRecord(locator: context.makeLocator(), settings: settings, createdAt: context.now, createdBy: context.user)
        let lattice = InstallmentLattice(
            locator: context.makeLocator(), accountLocator: request.accountLocator, policyLocator: nil, termLocator: nil, quoteLocator: quoteLocator,
            basedOnLocator: nil, settingsLocator: record.locator, settings: settings, originTransactionLocator: nil, effectiveTime: request.termStart,
            currency: request.currency ?? product.currency, timeZone: timeZone, durationBasis: request.durationBasis ?? product.durationBasis,
            isReversal: false, termStart: request.termStart, termEnd: request.termEnd, createdAt: context.now, createdBy: context.user,
            frames: LatticeBuilder(settings: settings, timeZoneIdentifier: timeZone).frames(termStart: request.termStart, termEnd: request.termEnd))
        let charges = request.charges.map { charge -> Charge in
            let element = charge.elementLocator ?? context.makeLocator()
            return Charge(locator: context.makeLocator(), elementLocator: element, elementStaticLocator: charge.elementStaticLocator ?? element,
                          chargeType: charge.chargeType, amountMinorUnits: QuoteBillingRequest.minorUnits(charge.amount, scale: CurrencyMinorUnits.of(lattice.currency)),
                          currency: lattice.currency)
        }
        let owner = InstallmentFactory.Owner(accountLocator: request.accountLocator, quoteLocator: quoteLocator)
        let factory = InstallmentFactory(lattice: lattice, currencyScale: CurrencyMinorUnits.of(lattice.currency), remainder: configuration.remainder)
        var installments: [Installment] = []
        var queued: [BillingPreview.QueuedCharge] = []
        var spread: [Charge] = []
        for charge in charges {
            let invoicing = configuration.chargeInvoicing[charge.chargeType]
            if settings.cadence == .none || invoicing == .next || invoicing == .immediate {
                queued.append(.init(chargeLocator: charge.locator, amountMinorUnits: charge.amountMinorUnits, chargeType: charge.chargeType,
                                    source: "policy", elementStaticLocator: charge.elementStaticLocator, invoicing: invoicing ?? .next))
            } else {
                spread.append(charge)
            }
        }
        if settings.cadence != .none {
            var block: ULIDBlock?
            installments = factory.installments(of: spread, from: request.termStart, to: request.termEnd, owner: owner, now: context.now,
                                                user: context.user) { context.makeID(in: &block) }
        }
        if let fee = request.invoiceFeeAmount {
            queued.append(.init(chargeLocator: context.makeLocator(), amountMinorUnits: QuoteBillingRequest.minorUnits(fee, scale: CurrencyMinorUnits.of(lattice.currency)),
                                chargeType: "invoiceFee", source: "billing"))
        }
        return BillingPreview(request: request, quoteLocator: quoteLocator, settings: record, lattice: lattice, installments: installments,
                              queued: queued, currencyScale: CurrencyMinorUnits.of(lattice.currency))
    }

    /// Stores the lattice and installments of a fixture quote that has a `billing` member; a quote whose billing does
    /// not apply (checked when the fixtures are read) is left without.
    public mutating func seedBilling(of quote: Quote, context: inout OperationContext) {
        guard let request = quote.billing, let preview = try? preview(request, quoteLocator: quote.locator, context: &context) else { return }
        billing.add(preview.lattice, settings: preview.settings)
        billing.add(preview.installments, billing: nil)
    }
}
