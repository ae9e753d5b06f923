import SuretyJSON
import SuretySchemas

extension TenantStore {
    /// Creates a fixture policy: its first term, and an issuance transaction, issued and priced, whose coverage
    /// segment holds the seeded element tree.
    mutating func seed(_ seed: EmulatorFixtures.PolicySeed, context: inout OperationContext) {
        let product = products[seed.productName]
        let policyLocator = seed.locator ?? context.makeLocator()
        var policy = Policy(locator: policyLocator, accountLocator: seed.accountLocator, productName: seed.productName,
                            timeZone: seed.timeZone ?? product?.timeZone ?? "UTC", currency: seed.currency ?? product?.currency ?? "USD",
                            durationBasis: seed.durationBasis ?? product?.durationBasis ?? .months)
        let term = Term(locator: context.makeLocator(), staticLocator: context.makeLocator(), policyLocator: policyLocator,
                        number: context.options.firstTermNumber, startTime: seed.startTime, endTime: seed.endTime,
                        termNumber: context.options.termNumber(policy: policyLocator, number: context.options.firstTermNumber))
        var transaction = PolicyTransaction(
            locator: context.makeLocator(), policyLocator: policyLocator, termLocator: term.locator, effectiveTime: seed.startTime,
            category: .issuance, transactionType: "issuance", createdAt: context.now, createdBy: context.user,
            baseTransactionLocator: nil, changeInstructions: [])
        let segmentLocator = context.makeLocator()
        let element = makeElement(seed.element, at: seed.startTime, context: &context)
        var ids = context
        let segment = Segment(locator: segmentLocator, transactionLocator: transaction.locator, termLocator: term.locator,
                              startTime: seed.startTime, kind: .coverage,
                              element: element.relocated(rootLocator: segmentLocator) { ids.makeLocator() }, basedOn: nil)
        context = ids
        transaction.segmentLocator = segment.locator
        transaction.state = .issued
        transaction.issuedTime = context.now
        transaction.acceptedTime = context.now
        transaction.underwritingStatus = "none"
        transaction.validationFailures = []
        if let product {
            let rater = Rater(product: product, calculator: calculator(for: policy, term: term))
            transaction.charges = Rater.difference(new: rater.amounts(for: segment.element, from: term.startTime, to: term.endTime), old: [:])
                .map { key, elementLocator, amount in
                    Charge(locator: context.makeLocator(), elementLocator: elementLocator, elementStaticLocator: key.staticLocator,
                           chargeType: key.chargeType, amountMinorUnits: amount, currency: policy.currency)
                }
        }
        policy.termLocators = [term.locator]
        policy.transactionLocators = [transaction.locator]
        policy.appendIssued(transaction, segmentStart: segment.startTime)
        policies[policyLocator] = policy
        terms[term.locator] = term
        segments[segment.locator] = segment
        transactions[transaction.locator] = transaction
        _ = try? bill(transaction, context: &context)
    }

    private func makeElement(_ seed: EmulatorFixtures.ElementSeed, at time: Timestamp, context: inout OperationContext) -> Element {
        Element(locator: "", staticLocator: seed.staticLocator ?? context.makeLocator(), type: seed.type, data: seed.data, coverageTerms: seed.coverageTerms,
                originalEffectiveTime: time, children: seed.children.map { makeElement($0, at: time, context: &context) })
    }
}
