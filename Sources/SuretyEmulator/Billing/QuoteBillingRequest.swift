import Foundation
import SuretyJSON
import SuretySchemas

/// What a quote is billed from: a term, charges and preferences (`QuoteBillingPreviewRequest`, and a fixture
/// quote's `billing` member, which has the same members less `accountLocator` and `productName`).
public struct QuoteBillingRequest: Sendable, Hashable {
    /// One charge to bill (`PreviewChargeRequest`).
    public struct Charge: Sendable, Hashable {
        /// The amount in major units; digits past the currency's decimals are rounded half-even.
        public var amount: Decimal
        /// The charge type.
        public var chargeType: String
        /// The element's locator, generated when absent.
        public var elementLocator: String?
        /// The element's static locator, the element locator when absent.
        public var elementStaticLocator: String?
    }

    /// A member that could not be read.
    public struct Problem: Sendable, Hashable {
        /// Where.
        public var pointer: JSONPointer
        /// What was expected.
        public var expected: String
        /// What was found.
        public var actual: String
    }

    /// The account billed.
    public var accountLocator: String
    /// The product, whose plans and currency apply.
    public var productName: String
    /// The term's start.
    public var termStart: Timestamp
    /// The term's end.
    public var termEnd: Timestamp
    /// The charges.
    public var charges: [Charge]
    /// The currency; the product's when nil.
    public var currency: String?
    /// The duration basis; the product's when nil.
    public var durationBasis: DurationBasis?
    /// The time zone; the product's when nil.
    public var timeZone: String?
    /// The `InstallmentPreferences` object given.
    public var installmentPreferences: JSONValue?
    /// An invoice fee, queued as a billing charge.
    public var invoiceFeeAmount: Decimal?

    /// Reads a request; `accountLocator` and `productName` are required unless given (a fixture quote's own).
    public static func read(_ json: JSONValue, at pointer: JSONPointer, account: String? = nil, product: String? = nil) -> (QuoteBillingRequest?, [Problem]) {
        var problems: [Problem] = []
        func text(_ key: String, required: Bool, format: TypeRef.Primitive? = nil, in value: JSONValue = json, at base: JSONPointer = pointer) -> String? {
            guard let found = value[key], found != .null else {
                if required { problems.append(Problem(pointer: base.appending(key), expected: "a value", actual: "nothing")) }
                return nil
            }
            guard let string = found.stringValue, format.map({ Formats.matches(string, $0) }) ?? true else {
                problems.append(Problem(pointer: base.appending(key), expected: format.map { "a \($0)" } ?? "a string",
                                        actual: found.stringValue.map { "\"\($0.prefix(40))\"" } ?? found.typeName))
                return nil
            }
            return string
        }
        func time(_ key: String) -> Timestamp? {
            guard let string = text(key, required: true) else { return nil }
            guard let value = Timestamp(rfc3339: string) else {
                problems.append(Problem(pointer: pointer.appending(key), expected: "an RFC 3339 datetime", actual: "\"\(string.prefix(40))\""))
                return nil
            }
            return value
        }
        func decimal(_ value: JSONValue?, _ at: JSONPointer) -> Decimal? {
            guard let value, value != .null else { return nil }
            guard let literal = value.numberValue?.literal, let parsed = Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")) else {
                problems.append(Problem(pointer: at, expected: "a number", actual: value.typeName))
                return nil
            }
            guard parsed.magnitude <= Self.maxAmount else {
                problems.append(Problem(pointer: at, expected: "an amount of at most \(Self.maxAmount)", actual: String(literal.prefix(40))))
                return nil
            }
            return parsed
        }
        let accountLocator = account ?? text("accountLocator", required: true, format: .ulid)
        let productName = product ?? text("productName", required: true)
        let start = time("termStartTime"), end = time("termEndTime")
        if let start, let end, end <= start {
            problems.append(Problem(pointer: pointer.appending("termEndTime"), expected: "an end after termStartTime", actual: end.rfc3339()))
        }
        var charges: [Charge] = []
        if let items = json["charges"]?.arrayValue {
            for (index, item) in items.enumerated() {
                let at = pointer.appending("charges").appending(index)
                guard let amount = decimal(item["amount"], at.appending("amount")) else {
                    if item["amount"] == nil { problems.append(Problem(pointer: at.appending("amount"), expected: "a number", actual: "nothing")) }
                    continue
                }
                guard let type = text("chargeType", required: true, in: item, at: at) else { continue }
                charges.append(Charge(amount: amount, chargeType: type,
                                      elementLocator: text("elementLocator", required: false, format: .ulid, in: item, at: at),
                                      elementStaticLocator: text("elementStaticLocator", required: false, format: .ulid, in: item, at: at)))
            }
        } else {
            problems.append(Problem(pointer: pointer.appending("charges"), expected: "an array of charges", actual: json["charges"]?.typeName ?? "nothing"))
        }
        var basis: DurationBasis?
        if let name = text("durationBasis", required: false) {
            basis = DurationBasis(rawValue: name)
            if basis == nil {
                problems.append(Problem(pointer: pointer.appending("durationBasis"), expected: "one of " + DurationBasis.allCases.map(\.rawValue).joined(separator: " | "),
                                        actual: "\"\(name.prefix(40))\""))
            }
        }
        // An explicit null is the same as no preferences (the contract types the member `T?`).
        var preferences = json["installmentPreferences"]
        if case .null? = preferences { preferences = nil }
        if let preferences, preferences.objectValue == nil {
            problems.append(Problem(pointer: pointer.appending("installmentPreferences"), expected: "an object", actual: preferences.typeName))
        }
        let fee = decimal(json["invoiceFeeAmount"], pointer.appending("invoiceFeeAmount"))
        guard problems.isEmpty, let accountLocator, let productName, let start, let end else { return (nil, problems) }
        return (QuoteBillingRequest(accountLocator: accountLocator, productName: productName, termStart: start, termEnd: end, charges: charges,
                                    currency: text("currency", required: false), durationBasis: basis, timeZone: text("timezone", required: false),
                                    installmentPreferences: preferences, invoiceFeeAmount: fee), [])
    }

    /// The largest magnitude of an amount in major units (10^9): with at most ``Product/maxCurrencyScale`` decimals it
    /// is within ``Charge/maxAmountMinorUnits``.
    public static let maxAmount = Decimal(1_000_000_000)

    /// Major units as minor units of `scale` decimals, rounded half-even.
    public static func minorUnits(_ amount: Decimal, scale: Int) -> Int {
        var exact = amount
        for _ in 0..<max(0, scale) { exact *= 10 }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .bankers)
        return NSDecimalNumber(decimal: rounded).intValue
    }
}
