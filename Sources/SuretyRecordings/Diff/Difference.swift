import SuretyConformance
import SuretyJSON

/// One difference between a paired OLD and NEW exchange (or an exchange present on one side only).
public struct Difference: Sendable, Hashable {
    /// The part of the exchange a difference is in.
    public enum Part: String, Sendable, Hashable {
        /// The whole exchange (gone or new).
        case exchange
        /// The response status.
        case status
        /// The response's `Content-Type`.
        case contentType = "content-type"
        /// The response body; ``pointer`` locates the value.
        case body
    }

    /// The rule that classified the difference.
    public var rule: DiffRule
    /// Where the difference is.
    public var part: Part
    /// The value's location in the body (the root for other parts).
    public var pointer: JSONPointer
    /// The old value, abbreviated; `absent` when there was none.
    public var old: String
    /// The new value, abbreviated; `absent` when there is none.
    public var new: String

    /// Creates a difference; at a pointer through a secret name (``SecretPolicy/default``) both values are shown
    /// redacted, keeping their fingerprints so that a changed secret still reads as a change.
    public init(rule: DiffRule, part: Part, pointer: JSONPointer = .root, old: String, new: String) {
        self.rule = rule
        self.part = part
        self.pointer = pointer
        let secret = pointer.tokens.contains(where: SecretPolicy.default.isSecret)
        self.old = secret && old != "absent" ? SecretPolicy.redacted(old) : old
        self.new = secret && new != "absent" ? SecretPolicy.redacted(new) : new
    }

    /// The severity of the rule that fired.
    public var severity: DiffSeverity { rule.severity }

    /// `body /items/0/name`, `status`, `content-type` or `exchange`.
    public var location: String {
        part == .body ? "body " + (pointer.tokens.isEmpty ? "/" : pointer.description) : part.rawValue
    }
}
