/// An ordered list of header fields that keeps duplicates and looks names up case-insensitively.
///
/// Order and repetition are preserved because they matter for `Set-Cookie`, for recordings and for
/// byte-faithful proxying (RFC 9110 §5.2, §5.3).
public struct HTTPFields: Sendable, Hashable {
    /// The fields in the order they were received or appended.
    public private(set) var fields: [HTTPField]

    /// Creates an empty field list.
    public init() {
        fields = []
    }

    /// Creates a field list from fields, keeping their order.
    public init(_ fields: [HTTPField]) {
        self.fields = fields
    }

    /// Creates a field list from name-value pairs, keeping their order and duplicates.
    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { HTTPField(name: $0.0, value: $0.1) }
    }

    /// The value of the first field named `name` (any case); setting replaces every such field, `nil` removes them.
    public subscript(name: String) -> String? {
        get { fields.first { $0.hasName(name) }?.value }
        set {
            guard let newValue else {
                removeAll(named: name)
                return
            }
            if let index = fields.firstIndex(where: { $0.hasName(name) }) {
                fields[index].value = newValue
                var later = fields.index(after: index)
                while later < fields.endIndex {
                    if fields[later].hasName(name) {
                        fields.remove(at: later)
                    } else {
                        later += 1
                    }
                }
            } else {
                fields.append(HTTPField(name: name, value: newValue))
            }
        }
    }

    /// Every value of fields named `name` (any case), in order.
    public func values(for name: String) -> [String] {
        fields.compactMap { $0.hasName(name) ? $0.value : nil }
    }

    /// The values of fields named `name` joined with ", ", or `nil` if there is none (RFC 9110 §5.3).
    public func combinedValue(for name: String) -> String? {
        let values = values(for: name)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// Whether at least one field is named `name` (any case).
    public func contains(_ name: String) -> Bool {
        fields.contains { $0.hasName(name) }
    }

    /// Whether the comma-separated list fields named `name` contain `token`, ignoring ASCII case (RFC 9110 §5.6.1).
    public func containsToken(_ token: String, in name: String) -> Bool {
        for field in fields where field.hasName(name) {
            for element in field.value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true)
            where Self.namesEqual(Self.trimmingWhitespace(element), token.utf8) {
                return true
            }
        }
        return false
    }

    /// Appends a field after all existing ones.
    public mutating func append(name: String, value: String) {
        fields.append(HTTPField(name: name, value: value))
    }

    /// Appends a field after all existing ones.
    public mutating func append(_ field: HTTPField) {
        if fields.isEmpty { fields.reserveCapacity(8) }  // a request has a handful: grow once, not at each field
        fields.append(field)
    }

    /// Removes every field named `name` (any case).
    public mutating func removeAll(named name: String) {
        fields.removeAll { $0.hasName(name) }
    }

    /// Removes every field for which `shouldRemove` returns true.
    public mutating func removeAll(where shouldRemove: (HTTPField) throws -> Bool) rethrows {
        try fields.removeAll(where: shouldRemove)
    }
}

extension HTTPFields: RandomAccessCollection {
    /// The position of the first field.
    public var startIndex: Int { fields.startIndex }
    /// The position one past the last field.
    public var endIndex: Int { fields.endIndex }
    /// The field at `position`.
    public subscript(position: Int) -> HTTPField { fields[position] }
}

extension HTTPFields: ExpressibleByDictionaryLiteral {
    /// Creates a field list from a literal; repeated names are kept in order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }
}

extension HTTPFields: CustomStringConvertible {
    /// The fields one per line, as they appear on the wire.
    public var description: String {
        fields.map(\.description).joined(separator: "\n")
    }
}

extension HTTPFields {
    /// Whether two field names (or tokens) are equal, ignoring ASCII case as field names do (RFC 9110 §5.1).
    public static func namesEqual(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }  // most lookups end here
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { left in rhs.withUTF8 { right in namesEqual(left, right) } }  // contiguous: no index checks
    }

    /// Compares two byte sequences, folding ASCII letters to lower case.
    static func namesEqual<L: Collection<UInt8>, R: Collection<UInt8>>(_ lhs: L, _ rhs: R) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (left, right) in zip(lhs, rhs) where HTTPGrammar.lowercased(left) != HTTPGrammar.lowercased(right) {
            return false
        }
        return true
    }

    /// Removes leading and trailing spaces and tabs (OWS, RFC 9110 §5.6.3).
    static func trimmingWhitespace<C: BidirectionalCollection<UInt8>>(_ bytes: C) -> C.SubSequence {
        var slice = bytes[...]
        while let first = slice.first, HTTPGrammar.isWhitespace(first) { slice = slice.dropFirst() }
        while let last = slice.last, HTTPGrammar.isWhitespace(last) { slice = slice.dropLast() }
        return slice
    }
}
