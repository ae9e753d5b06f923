/// The rule table that makes generated values look like the platform's: a property's name chooses its values where
/// its type alone (a `string`, a `number`) would allow anything, so a mock never answers a time zone where a
/// currency belongs. Every rule keeps the value valid for the property's type; properties no rule names keep the
/// generator's plain values.
public enum PlausibleValues {
    /// One rule: which property names it covers and the values it draws from.
    public struct Rule: Sendable {
        /// Matches a property name.
        public var matches: @Sendable (String) -> Bool
        /// The values a matching string property takes.
        public var values: [String]
    }

    /// ISO 4217 codes the mock uses.
    public static let currencies = ["USD", "EUR", "GBP", "CAD", "JPY"]
    /// IANA time zones the mock uses.
    public static let timeZones = ["America/New_York", "Europe/Berlin", "UTC", "America/Chicago", "Asia/Tokyo"]

    /// The rules, first match wins; names compared exactly unless a rule says otherwise.
    public static let rules: [Rule] = [
        Rule(matches: { ["currency", "currencies"].contains($0) }, values: currencies),
        Rule(matches: { ["timezone", "timeZone"].contains($0) }, values: timeZones),
        Rule(matches: { $0 == "chargeType" || $0 == "chargeCategory" || $0 == "category" }, values: ["premium", "fee", "tax"]),
        Rule(matches: { $0 == "transactionType" }, values: ["issuance", "change", "renewal", "cancellation", "reinstatement", "reversal"]),
        Rule(matches: { $0 == "underwritingStatus" }, values: ["approved", "pending", "rejected"]),
        Rule(matches: { $0 == "productName" }, values: ["PersonalAuto", "HomeOwners"]),
        Rule(matches: { $0 == "type" || $0 == "elementType" }, values: ["PersonalAuto", "Vehicle", "Driver"]),
        Rule(matches: { $0 == "staticName" }, values: ["quoteLetter", "declaration", "segmentSchedule"]),
        Rule(matches: { $0 == "name" }, values: ["Declarations", "Quote letter", "Schedule"]),
        Rule(matches: { $0 == "fileName" }, values: ["declaration.pdf", "schedule.pdf", "quote-letter.pdf"]),
        Rule(matches: { $0 == "billingPlanName" || $0 == "installmentPlanName" }, values: ["monthly", "quarterly", "payInFull"]),
        Rule(matches: { $0 == "processingErrors" }, values: [""]),
        Rule(matches: { $0 == "errors" }, values: ["Rendering failed: the template is missing"]),
        Rule(matches: { $0 == "documentInstanceState" }, values: ["draft", "ready"]),
        Rule(matches: { $0 == "referenceType" }, values: ["transaction", "segment", "quote", "invoice"]),
        Rule(matches: { $0 == "termNumber" }, values: ["1", "2", "3"]),
        Rule(matches: { $0 == "comment" || $0 == "note" }, values: ["Checked by underwriting.", "Customer called to confirm."]),
        Rule(matches: { $0 == "outcome" }, values: ["settled", "cancelled"]),
    ]

    /// The rule that covers a property name, if any.
    public static func rule(for name: String) -> Rule? {
        rules.first { $0.matches(name) }
    }

    /// Whether a property holds a locator although typed `string` (`locator`, `staticLocator`, `…Locator`,
    /// `installmentLocators`).
    public static func isLocator(_ name: String) -> Bool {
        name == "locator" || name.hasSuffix("Locator") || name.hasSuffix("Locators")
    }

    /// Whether a datetime property is a creation or change time, which lies in the past: before
    /// ``latestPastYear`` ends.
    public static func isPastTime(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ["created", "updated", "issued", "accepted", "completed"].contains { lowered.hasPrefix($0) }
    }

    /// The last year a creation time may fall in.
    public static let latestPastYear = 2025
}
