import SuretyJSON

/// One way a JSON value breaks the contract: where in the instance, which rule, what was expected and what was found.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// Whether the issue fails validation or only warns.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// The contract's names for its rules; the raw value is what reports print.
    public enum Rule: String, Sendable, Hashable, CaseIterable {
        /// A required property is absent.
        case required
        /// `null` where the type is not optional (`T?`).
        case null
        /// The JSON type differs (e.g. a number where a string is expected).
        case type
        /// A string does not have the format of `uuid`, `ulid`/`locator` or `datetime`.
        case format
        /// A string outside the documented enum values.
        case `enum`
        /// No branch, or more than one, of a `oneOf` matches.
        case oneOf
        /// A property the schema does not list (reported only in strict mode).
        case unknownProperty
        /// A deprecated property is present (a warning).
        case deprecated
        /// A deprecated enum value is present (a warning).
        case deprecatedValue
        /// A type refers to a schema the contract does not define.
        case unknownSchema
        /// A body is present where none is expected, or absent where one is.
        case body
    }

    /// Error or warning.
    public var severity: Severity
    /// Where in the instance (RFC 6901).
    public var pointer: JSONPointer
    /// The contract's name for the rule.
    public var rule: Rule
    /// What the contract expects there.
    public var expected: String
    /// What the instance has there (bounded in length).
    public var actual: String
    /// The rule's place in the contract, e.g. `PolicyTransactionResponse.transactionState`.
    public var schemaPath: String
    /// The file and line of the rule in the contract, when known.
    public var location: SourceLocation?
    /// For `oneOf`: the issues of the branch the document selects, or of the closest branches (all of them on a tie),
    /// in branch order, at most ``maxNestedIssues``.
    public var details: [ValidationIssue]

    /// The most nested issues a `oneOf` issue carries; the issue's `actual` still counts them all.
    public static let maxNestedIssues = 16

    /// Creates an issue.
    public init(severity: Severity = .error, pointer: JSONPointer, rule: Rule, expected: String, actual: String,
                schemaPath: String, location: SourceLocation? = nil, details: [ValidationIssue] = []) {
        self.severity = severity
        self.pointer = pointer
        self.rule = rule
        self.expected = expected
        self.actual = actual
        self.schemaPath = schemaPath
        self.location = location
        self.details = details
    }

    /// `/pointer: rule: expected …, got …`.
    public var description: String {
        var text = ""
        describe(into: &text)
        return text
    }

    /// Appends ``description`` to `text` without building it apart (reports print many issues into one buffer).
    public func describe(into text: inout String) {
        if pointer.tokens.isEmpty { text += "(root)" } else { pointer.write(into: &text) }
        text += severity == .warning ? ": warning: " : ": "
        text += rule.rawValue
        text += ": expected "
        text += expected
        text += ", got "
        text += actual
    }

    /// Cuts an untrusted value's text to a readable length so reports never echo unbounded input.
    public static func bounded(_ text: String, limit: Int = 80) -> String {
        text.utf8.count <= limit ? text : String(text.prefix(limit)) + "…(\(text.utf8.count) bytes)"
    }
}
