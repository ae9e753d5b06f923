/// One header or trailer field line: a name and its value, both kept exactly as received.
///
/// Names compare case-insensitively only through ``HTTPFields`` lookups; the stored spelling is preserved
/// so that recordings and proxies reproduce what went over the wire (RFC 9110 §5.1).
public struct HTTPField: Sendable, Hashable {
    /// The field name as spelled by the sender.
    public var name: String
    /// The field value with surrounding optional whitespace removed (RFC 9112 §5.1).
    public var value: String

    /// Creates a field from a name and a value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Whether this field's name equals `other`, ignoring ASCII case (RFC 9110 §5.1).
    public func hasName(_ other: String) -> Bool {
        HTTPFields.namesEqual(name, other)
    }
}

extension HTTPField: CustomStringConvertible {
    /// The field as it appears on the wire, without the line ending.
    public var description: String { "\(name): \(value)" }
}
