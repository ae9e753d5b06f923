import SuretyJSON

extension TenantStore {
    /// A `TermResponse`.
    public func render(term: Term) -> JSONValue {
        var members = termMembers(term)
        if let previous = term.previousTermLocator { members.append(JSONMember(key: "previousTermLocator", value: .string(previous))) }
        if let superseded = term.supersedesTermLocator { members.append(JSONMember(key: "supersedesTermLocator", value: .string(superseded))) }
        if let number = term.termNumber { members.append(JSONMember(key: "termNumber", value: .string(number))) }
        return .object(members)
    }

    /// A `TermPayableResponse`: the sum of the charges of the term's issued transactions, reversed ones included
    /// together with the reversals that negate them (so they cancel out).
    public func render(payableOf term: Term) -> JSONValue {
        let counted: Set<TransactionState> = [.issued, .reversed]
        let total = (policies[term.policyLocator]?.transactionLocators ?? []).compactMap { transactions[$0] }
            .filter { $0.termLocator == term.locator && counted.contains($0.state) }
            .flatMap(\.charges).reduce(0) { $0 + $1.amountMinorUnits }
        var members = termMembers(term)
        members.insert(JSONMember(key: "amount", value: .number(Self.amount(total, scale: scale(of: term.policyLocator)))), at: 5)
        return .object(members)
    }

    func termMembers(_ term: Term) -> [JSONMember] {
        [JSONMember(key: "locator", value: .string(term.locator)), JSONMember(key: "staticLocator", value: .string(term.staticLocator)),
         JSONMember(key: "policyLocator", value: .string(term.policyLocator)),
         JSONMember(key: "startTime", value: .string(term.startTime.rfc3339(fractional: true))), JSONMember(key: "endTime", value: .string(term.endTime.rfc3339(fractional: true))),
         JSONMember(key: "number", value: .integer(term.number))]
    }
}
