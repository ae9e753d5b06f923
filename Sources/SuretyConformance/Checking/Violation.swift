import SuretyJSON
import SuretySchemas

/// One way an HTTP exchange breaks the contract: which part of the message, where in it, which rule, expected and actual.
///
/// This is the unit every Surety report is made of: the stub server's 400 bodies and violation log, the
/// conformance runner's findings, and the violations stored with each recording.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// The part of the exchange a violation is in; the raw value is the `in` of the error shape.
    public enum Part: String, Sendable, Hashable, CaseIterable {
        /// A path parameter (`pointer` is `/name`).
        case path
        /// A query parameter (`pointer` is `/name`, then into its value).
        case query
        /// A request header.
        case header
        /// The request body.
        case body
        /// The response's status code.
        case status
        /// The response's header fields (content type).
        case responseHeader
        /// The response body.
        case responseBody
    }

    /// Whether the violation fails the exchange or only warns.
    public var severity: ValidationIssue.Severity
    /// The part of the exchange.
    public var part: Part
    /// Where inside that part (RFC 6901).
    public var pointer: JSONPointer
    /// The contract's name for the rule: the validator's rules plus the exchange-level ones of ``Rule``.
    public var rule: Rule
    /// What the contract expects.
    public var expected: String
    /// What the exchange has (bounded in length).
    public var actual: String
    /// The rule's place in the contract, e.g. `PolicyTransactionResponse.transactionState`, when it has one.
    public var schemaPath: String?
    /// For `oneOf`: the issues of the branch the document selects (or of every tied closest branch), in the same part,
    /// at most `ValidationIssue.maxNestedIssues`; written as `issues` in the error shape.
    public var issues: [Violation]

    /// Creates a violation.
    public init(severity: ValidationIssue.Severity = .error, part: Part, pointer: JSONPointer = .root, rule: Rule,
                expected: String, actual: String, schemaPath: String? = nil, issues: [Violation] = []) {
        self.severity = severity
        self.part = part
        self.pointer = pointer
        self.rule = rule
        self.expected = expected
        self.actual = actual
        self.schemaPath = schemaPath
        self.issues = issues
    }

    /// A validator issue found in one part of the exchange, its pointer (and its nested issues') placed under `prefix`.
    public init(_ issue: ValidationIssue, part: Part, under prefix: JSONPointer = .root) {
        self.init(severity: issue.severity, part: part, pointer: JSONPointer(tokens: prefix.tokens + issue.pointer.tokens),
                  rule: Rule(issue.rule), expected: issue.expected, actual: issue.actual, schemaPath: issue.schemaPath,
                  issues: issue.details.map { Violation($0, part: part, under: prefix) })
    }

    /// Whether the violation fails the exchange.
    public var isError: Bool { severity == .error }

    /// The nested issues as the text reports print them: `↳ ` then the description and `[schemaPath]`, one line each,
    /// an issue's own nested issues indented under it.
    public var nestedLines: [String] {
        issues.flatMap { issue in
            ["↳ " + issue.description + (issue.schemaPath.map { "  [\($0)]" } ?? "")] + issue.nestedLines.map { "  " + $0 }
        }
    }

    /// `body /pointer: rule: expected …, got …`.
    public var description: String {
        let at = pointer.tokens.isEmpty ? "" : " \(pointer)"
        let warning = severity == .warning ? "warning: " : ""
        return "\(part.rawValue)\(at): \(warning)\(rule.rawValue): expected \(expected), got \(actual)"
    }

    /// The violation as a member of the error shape's `violations` array: `in`, `pointer`, `rule`, `expected`,
    /// `actual`, then `schemaPath` when the rule has a place in the contract, `severity` for warnings and `issues`
    /// (nested violations of the same shape) for a `oneOf`.
    public var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "in", value: .string(part.rawValue)),
            JSONMember(key: "pointer", value: .string(pointer.description)),
            JSONMember(key: "rule", value: .string(rule.rawValue)),
            JSONMember(key: "expected", value: .string(expected)),
            JSONMember(key: "actual", value: .string(actual)),
        ]
        if let schemaPath { members.append(JSONMember(key: "schemaPath", value: .string(schemaPath))) }
        if severity == .warning { members.append(JSONMember(key: "severity", value: "warning")) }
        if !issues.isEmpty { members.append(JSONMember(key: "issues", value: .array(issues.map(\.jsonValue)))) }
        return .object(members)
    }

    /// Reads a violation back from its JSON form (recordings, reports); nil when a field is missing.
    public init?(jsonValue value: JSONValue) {
        guard let part = value["in"]?.stringValue.flatMap(Part.init(rawValue:)),
              let pointer = value["pointer"]?.stringValue.flatMap(JSONPointer.init(parsing:)),
              let rule = value["rule"]?.stringValue,
              let expected = value["expected"]?.stringValue,
              let actual = value["actual"]?.stringValue else { return nil }
        let severity = value["severity"]?.stringValue.flatMap(ValidationIssue.Severity.init(rawValue:)) ?? .error
        self.init(severity: severity, part: part, pointer: pointer, rule: Rule(rawValue: rule), expected: expected, actual: actual,
                  schemaPath: value["schemaPath"]?.stringValue,
                  issues: value["issues"]?.arrayValue?.prefix(ValidationIssue.maxNestedIssues).compactMap(Violation.init(jsonValue:)) ?? [])
    }
}

extension Violation {
    /// The name of a rule: an open set, so the validator's rules and the exchange's rules share one type.
    public struct Rule: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The name reports print.
        public var rawValue: String

        /// Wraps a rule name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The validator's rule of the same name.
        public init(_ rule: ValidationIssue.Rule) { self.rawValue = rule.rawValue }

        /// The name.
        public var description: String { rawValue }

        /// A response status the contract does not document for the endpoint.
        public static let status = Rule(rawValue: "status")
        /// A body whose `Content-Type` is not JSON.
        public static let contentType = Rule(rawValue: "contentType")
        /// A body that is not well-formed JSON (the actual value carries line and column).
        public static let syntax = Rule(rawValue: "syntax")
        /// A required parameter or property is absent.
        public static let required = Rule(.required)
        /// A value of the wrong JSON or parameter type.
        public static let type = Rule(.type)
        /// A value that does not have its format.
        public static let format = Rule(.format)
        /// A string outside the documented values.
        public static let `enum` = Rule(.enum)
        /// A body where none is expected, or none where one is.
        public static let body = Rule(.body)
        /// A query parameter the endpoint does not document (strict mode only).
        public static let unknownParameter = Rule(rawValue: "unknownParameter")
        /// A request without the bearer token the API's security scheme asks for.
        public static let security = Rule(rawValue: "security")
        /// A deprecated endpoint was called (a warning).
        public static let deprecated = Rule(.deprecated)
    }
}
