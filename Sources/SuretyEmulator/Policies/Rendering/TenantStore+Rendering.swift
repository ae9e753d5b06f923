import Foundation
import SuretyJSON
import SuretySchemas

/// Writes the store's values in the contract's response shapes (`policy-transactions.json`, `policy-terms.json`).
extension TenantStore {
    /// A `PolicyTransactionResponse`.
    public func render(transaction: PolicyTransaction) -> JSONValue {
        var members = commonMembers(of: transaction, withTerm: true)
        members.append(JSONMember(key: "transactionType", value: .string(transaction.transactionType)))
        members.append(JSONMember(key: "createdAt", value: .string(transaction.createdAt.rfc3339(fractional: true))))
        members.append(JSONMember(key: "createdBy", value: .string(transaction.createdBy)))
        if let aggregate = transaction.aggregateTransactionLocator {
            members.append(JSONMember(key: "aggregateTransactionLocator", value: .string(aggregate)))
        }
        if let base = transaction.baseTransactionLocator { members.append(JSONMember(key: "baseTransactionLocator", value: .string(base))) }
        if let time = transaction.issuedTime { members.append(JSONMember(key: "issuedTime", value: .string(time.rfc3339(fractional: true)))) }
        if let time = transaction.acceptedTime { members.append(JSONMember(key: "acceptedTime", value: .string(time.rfc3339(fractional: true)))) }
        if let preferences = transaction.parameters?.preferences { members.append(JSONMember(key: "preferences", value: preferences)) }
        if let status = transaction.underwritingStatus { members.append(JSONMember(key: "underwritingStatus", value: .string(status))) }
        if let failures = transaction.validationFailures { members.append(JSONMember(key: "validationResult", value: Self.render(validation: failures))) }
        if transaction.category == .aggregate {
            members.append(JSONMember(key: "aggregatedTransactions", value: .array(aggregatedMembers(of: transaction).map { render(transaction: $0) })))
        }
        return .object(members)
    }

    /// An aggregate's members in order (empty for any other transaction).
    public func aggregatedMembers(of aggregate: PolicyTransaction) -> [PolicyTransaction] {
        aggregate.aggregatedLocators.compactMap { transactions[$0] }
    }

    /// The members every transaction response starts with, in the contract's order.
    func commonMembers(of transaction: PolicyTransaction, withTerm: Bool) -> [JSONMember] {
        var members = [JSONMember(key: "locator", value: .string(transaction.locator)),
                       JSONMember(key: "policyLocator", value: .string(transaction.policyLocator))]
        if withTerm { members.append(JSONMember(key: "termLocator", value: .string(transaction.termLocator))) }
        members += [JSONMember(key: "effectiveTime", value: .string(transaction.effectiveTime.rfc3339(fractional: true))),
                    JSONMember(key: "transactionState", value: .string(transaction.state.rawValue)),
                    JSONMember(key: "transactionCategory", value: .string(transaction.category.rawValue))]
        return members
    }

    /// A `ValidationResult`.
    static func render(validation failures: [ValidationFinding]) -> JSONValue {
        .object(["success": .bool(failures.isEmpty), "validationItems": .array(failures.map { finding in
            .object(["locator": .string(finding.locator), "elementType": .string(finding.elementType),
                     "errors": .array(finding.errors.map { .string($0) })])
        })])
    }

    /// A `TransactionPriceResponse`; a price stopped by a failed validation also carries `validationResult`.
    public func render(price transaction: PolicyTransaction) -> JSONValue {
        var members = commonMembers(of: transaction, withTerm: false)
        let scale = scale(of: transaction.policyLocator)
        members.append(JSONMember(key: "charges", value: .array(transaction.charges.map { render(charge: $0, scale: scale) })))
        if let failures = transaction.validationFailures, !failures.isEmpty {
            members.append(JSONMember(key: "validationResult", value: Self.render(validation: failures)))
        }
        if transaction.category == .aggregate {
            members.append(JSONMember(key: "aggregatedTransactions", value: .array(aggregatedMembers(of: transaction).map { render(price: $0) })))
        }
        return .object(members)
    }

    /// A `ChargeResponse` (undocumented in the seeds; the emulator's shape).
    func render(charge: Charge, scale: Int) -> JSONValue {
        .object(["locator": .string(charge.locator), "elementLocator": .string(charge.elementLocator),
                 "elementStaticLocator": .string(charge.elementStaticLocator), "chargeType": .string(charge.chargeType),
                 "amount": .number(Self.amount(charge.amountMinorUnits, scale: scale)), "currency": .string(charge.currency)])
    }

    /// The ISO 4217 decimals of a policy's currency (2 when the policy is unknown).
    func scale(of policyLocator: String) -> Int {
        policies[policyLocator].map { CurrencyMinorUnits.of($0.currency) } ?? 2
    }

    /// Minor units as a decimal literal: 12345 at scale 2 is `123.45`.
    static func amount(_ minorUnits: Int, scale: Int) -> JSONNumber {
        guard scale > 0 else { return JSONNumber(minorUnits) }
        let magnitude = String(minorUnits.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - magnitude.count)) + magnitude
        let sign = minorUnits < 0 ? "-" : ""
        return JSONNumber(literal: "\(sign)\(padded.dropLast(scale)).\(padded.suffix(scale))")
    }

    /// Minor units as the literal text written for them.
    public static func amountLiteral(_ minorUnits: Int, scale: Int) -> String { amount(minorUnits, scale: scale).literal }

    /// A decimal as a JSON number literal.
    static func number(_ value: Decimal) -> JSONValue { .number(JSONNumber(literal: "\(value)")) }

    /// A `TransactionUnderwritingResponse`.
    public func render(underwriting transaction: PolicyTransaction) -> JSONValue {
        var members = commonMembers(of: transaction, withTerm: false)
        members.append(JSONMember(key: "underwritingStatus", value: .string(transaction.underwritingStatus ?? "none")))
        members.append(JSONMember(key: "aggregatedTransactions", value: .array([])))
        members.append(JSONMember(key: "underwritingFlags", value: .array(transaction.underwritingFlags.filter(\.isActive).map(render(flag:)))))
        return .object(members)
    }

    /// An `UnderwritingFlagResponse`. The contract requires `clearedBy` and `clearedTime` on every flag; an active
    /// flag has neither, so it is written with the nil UUID and the epoch (documented contract gap).
    public func render(flag: UnderwritingFlag) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "locator", value: .string(flag.locator)),
            JSONMember(key: "referenceLocator", value: .string(flag.referenceLocator)),
            JSONMember(key: "clearedBy", value: .string(flag.clearedBy ?? "00000000-0000-0000-0000-000000000000")),
            JSONMember(key: "clearedTime", value: .string((flag.clearedTime ?? Timestamp(seconds: 0)).rfc3339(fractional: true))),
            JSONMember(key: "createdTime", value: .string(flag.createdTime.rfc3339(fractional: true))),
            JSONMember(key: "level", value: .string(flag.level.rawValue)),
            JSONMember(key: "note", value: .string(flag.note)),
            JSONMember(key: "referenceType", value: "transaction"),
            JSONMember(key: "createdBy", value: .string(flag.createdBy)),
        ]
        if let element = flag.elementLocator { members.append(JSONMember(key: "elementLocator", value: .string(element))) }
        return .object(members)
    }

    /// A `TransactionUnderwritingFlagsResponse`: the cleared flags only, as documented (the active ones are the
    /// underwriting response's `underwritingFlags`).
    public func render(flagsOf transaction: PolicyTransaction) -> JSONValue {
        .object(["transactionLocator": .string(transaction.locator),
                 "clearedFlags": .array(transaction.underwritingFlags.filter { !$0.isActive }.map(render(flag:)))])
    }

    /// A `DocumentInstanceResponse`.
    public func render(document: DocumentInstance) -> JSONValue {
        let status = status(of: document)
        var members: [JSONMember] = [
            JSONMember(key: "locator", value: .string(document.locator)),
            JSONMember(key: "referenceLocator", value: .string(document.referenceLocator)),
            JSONMember(key: "documentInstanceState", value: .string(status.state.rawValue)),
            JSONMember(key: "external", value: false),
            JSONMember(key: "referenceType", value: .string(document.referenceType.rawValue)),
            JSONMember(key: "createdAt", value: .string(document.createdAt.rfc3339(fractional: true))),
            JSONMember(key: "metadata", value: .object([])),
            JSONMember(key: "renderingData", value: .object([])),
            JSONMember(key: "policyLocator", value: .string(document.policyLocator)),
            JSONMember(key: "termLocator", value: .string(document.termLocator)),
            JSONMember(key: "transactionLocator", value: .string(document.transactionLocator)),
        ]
        if let segment = document.segmentLocator { members.append(JSONMember(key: "segmentLocator", value: .string(segment))) }
        if let replaced = document.referenceDocumentLocator { members.append(JSONMember(key: "referenceDocumentLocator", value: .string(replaced))) }
        members += [JSONMember(key: "staticName", value: .string(document.staticName)), JSONMember(key: "name", value: .string(document.name))]
        if let category = document.category { members.append(JSONMember(key: "category", value: .string(category))) }
        members.append(JSONMember(key: "documentFormat", value: .string(document.format)))
        if let errors = status.processingErrors { members.append(JSONMember(key: "processingErrors", value: .string(errors))) }
        if let time = status.readyAt { members.append(JSONMember(key: "readyAt", value: .string(time.rfc3339(fractional: true)))) }
        members.append(JSONMember(key: "createdBy", value: .string(document.createdBy)))
        return .object(members)
    }
}
