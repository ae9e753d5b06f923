import SuretyJSON

/// A JSON Pointer whose tokens may be `*`, standing for any one key or array index: `/items/*/token`.
public struct PointerPattern: Sendable, Hashable, CustomStringConvertible {
    /// The tokens, `*` meaning any single token.
    public var tokens: [String]

    /// Creates a pattern from a pointer, every `*` token a wildcard.
    public init(_ pointer: JSONPointer) {
        tokens = pointer.tokens
    }

    /// Parses the string form (`/a/*/b`); nil when it is not a JSON Pointer.
    public init?(parsing text: String) {
        guard let pointer = JSONPointer(parsing: text) else { return nil }
        self.init(pointer)
    }

    /// Whether a concrete pointer matches the pattern exactly (same length, each token equal or `*`).
    public func matches(_ pointer: JSONPointer) -> Bool {
        pointer.tokens.count == tokens.count && zip(tokens, pointer.tokens).allSatisfy { $0 == "*" || $0 == $1 }
    }

    /// Whether a concrete pointer is at or under a value the pattern designates.
    public func covers(_ pointer: JSONPointer) -> Bool {
        pointer.tokens.count >= tokens.count && zip(tokens, pointer.tokens).allSatisfy { $0 == "*" || $0 == $1 }
    }

    /// The value with every matching location transformed by `change` (nil removes it); the count of changes.
    public func apply(to value: JSONValue, _ change: (JSONValue) -> JSONValue?) -> (JSONValue, Int) {
        var count = 0
        let result = Self.apply(tokens[...], to: value, change, &count)
        return (result ?? .null, count)
    }

    private static func apply(_ tokens: ArraySlice<String>, to value: JSONValue, _ change: (JSONValue) -> JSONValue?,
                              _ count: inout Int) -> JSONValue? {
        guard let token = tokens.first else {
            count += 1
            return change(value)
        }
        let rest = tokens.dropFirst()
        switch value {
        case .object(let members):
            var result: [JSONMember] = []
            for member in members {
                guard token == "*" || token == member.key else {
                    result.append(member)
                    continue
                }
                if let changed = apply(rest, to: member.value, change, &count) { result.append(JSONMember(key: member.key, value: changed)) }
            }
            return .object(result)
        case .array(let elements):
            var result: [JSONValue] = []
            for (index, element) in elements.enumerated() {
                guard token == "*" || JSONPointer.arrayIndex(token) == index else {
                    result.append(element)
                    continue
                }
                if let changed = apply(rest, to: element, change, &count) { result.append(changed) }
            }
            return .array(result)
        default:
            return value
        }
    }

    /// The string form, `*` tokens included.
    public var description: String { JSONPointer(tokens: tokens).description }
}
