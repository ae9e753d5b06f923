import SuretyJSON

extension FixtureReader {
    /// A product's `billing` member:
    ///
    /// ```json
    /// "billing": {"trigger": "issue", "remainder": "lastItem", "chargeInvoicing": {"fee": "immediate"},
    ///             "installmentPlans": [{"name": "monthly", "cadence": "monthly", "anchorMode": "termStartDay",
    ///                                   "anchorType": "dayOfMonth", "dayOfMonth": 1, "generateLeadDays": 10,
    ///                                   "dueLeadDays": 0, "autopayLeadDays": 1, "installmentWeights": [2],
    ///                                   "maxInstallmentsPerTerm": 12, "intervalDays": 10}]}
    /// ```
    /// `trigger` is `issue` (default) or `accept`; `remainder` `lastItem` (default) or `firstItem`; a plan takes
    /// every `InstallmentSettings` member (defaults: monthly, `termStartDay`, no anchor, no lead days, autopay 1 day
    /// ahead) plus `intervalDays`, the N of `everyNDays`. The first plan is the default; absent, a monthly plan.
    /// `chargeInvoicing` gives a charge type's `ChargeInvoicing` (`scheduled`, `next` or `immediate`).
    mutating func productBilling(_ product: JSONValue, _ at: JSONPointer) -> ProductBilling {
        guard let value = object(product, "billing", at, required: false) else { return ProductBilling() }
        let at = at.appending("billing")
        let plans = array(value, "installmentPlans", at, required: false).map { item, pointer -> ProductBilling.Plan in
            let (settings, problems) = InstallmentSettings().overlaid(with: item)
            report(problems, at: pointer)
            return ProductBilling.Plan(name: string(item, "name", pointer) ?? "", settings: settings)
        }
        checkDuplicates(plans.map(\.name), kind: "installment plan", at: at.appending("installmentPlans"), key: "name")
        var billing = ProductBilling(plans: plans, trigger: enumerated(value, "trigger", at, ProductBilling.Trigger.self) ?? .issue,
                                     remainder: enumerated(value, "remainder", at, ProductBilling.Remainder.self) ?? .lastItem)
        if let invoicing = object(value, "chargeInvoicing", at, required: false) {
            for member in invoicing.objectValue ?? [] {
                billing.chargeInvoicing[member.key] = enumerated(invoicing, member.key, at.appending("chargeInvoicing"), ProductBilling.Invoicing.self)
            }
        }
        return billing
    }

    /// A quote's `billing` member: a `QuoteBillingPreviewRequest` without `accountLocator` and `productName` (the
    /// quote's), checked against the quote's product so that loading never stores billing that cannot be computed.
    mutating func quoteBilling(_ quote: JSONValue, _ at: JSONPointer, quote model: Quote, products: [Product]) -> QuoteBillingRequest? {
        guard let value = object(quote, "billing", at, required: false) else { return nil }
        let at = at.appending("billing")
        let (request, problems) = QuoteBillingRequest.read(value, at: at, account: model.accountLocator, product: model.productName)
        for problem in problems { report(problem.pointer, .invalid(expected: problem.expected, actual: problem.actual)) }
        guard let request else { return nil }
        if let preferences = request.installmentPreferences, let product = products.first(where: { $0.name == model.productName }) {
            do {
                _ = try TenantStore.settings(base: product.billing.defaultSettings, preferences: preferences, configuration: product.billing, at: "")
            } catch {
                report(at.appending("installmentPreferences"), .invalid(expected: "preferences the product's plans accept", actual: error.problem.detail ?? "refused"))
                return nil
            }
        }
        return request
    }

    /// Reports settings problems at their members.
    mutating func report(_ problems: [InstallmentSettings.Problem], at pointer: JSONPointer) {
        for problem in problems {
            report(problem.key.isEmpty ? pointer : pointer.appending(problem.key), .invalid(expected: problem.expected, actual: problem.actual))
        }
    }
}
