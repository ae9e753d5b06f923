/// A type in the contract's notation, parsed: what every part of Surety works on instead of type strings.
public indirect enum TypeRef: Sendable, Hashable, CustomStringConvertible {
    /// A built-in scalar or format.
    case primitive(Primitive)
    /// A schema of the contract, by name.
    case named(String)
    /// `T[]`.
    case array(TypeRef)
    /// `map<string,T>`.
    case map(TypeRef)
    /// `oneOf<A,B,…>`.
    case oneOf([TypeRef])
    /// `Enum a | b | c`: a string from a fixed set, in documented order.
    case enumeration([String])
    /// `T?`: may be absent or null.
    case optional(TypeRef)
    /// `unspecified`: the documents do not give it; anything is accepted.
    case unspecified
    /// `empty`: no body at all (responses only).
    case empty

    /// The built-in types of the notation.
    public enum Primitive: String, Sendable, Hashable, CaseIterable {
        case string, integer, number, boolean, uuid, ulid, locator, datetime, object
    }

    /// The type without an outer `?`.
    public var unwrapped: TypeRef {
        if case .optional(let wrapped) = self { return wrapped }
        return self
    }

    /// Whether the type is `T?`.
    public var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// Every schema name the type refers to, in order of appearance.
    public var referencedNames: [String] {
        switch self {
        case .named(let name): return [name]
        case .array(let element), .map(let element), .optional(let element): return element.referencedNames
        case .oneOf(let branches): return branches.flatMap(\.referencedNames)
        case .primitive, .enumeration, .unspecified, .empty: return []
        }
    }

    /// The canonical spelling in the notation (`int` reads back as `integer`).
    public var description: String {
        switch self {
        case .primitive(let primitive): return primitive.rawValue
        case .named(let name): return name
        case .array(.enumeration(let values)): return "Enum[] " + values.joined(separator: " | ")
        case .optional(.array(.enumeration(let values))): return "Enum[]? " + values.joined(separator: " | ")
        case .optional(.enumeration(let values)): return "Enum? " + values.joined(separator: " | ")
        case .array(let element): return "\(element)[]"
        case .map(let value): return "map<string,\(value)>"
        case .oneOf(let branches): return "oneOf<" + branches.map(\.description).joined(separator: ",") + ">"
        case .enumeration(let values): return "Enum " + values.joined(separator: " | ")
        case .optional(let wrapped): return "\(wrapped)?"
        case .unspecified: return "unspecified"
        case .empty: return "empty"
        }
    }
}

/// A type as written on a property: the type and whether the documents mark it deprecated.
public struct TypeAnnotation: Sendable, Hashable {
    /// The parsed type.
    public var type: TypeRef
    /// A trailing `(deprecated)` was present.
    public var deprecated: Bool

    /// Creates an annotation.
    public init(type: TypeRef, deprecated: Bool = false) {
        self.type = type
        self.deprecated = deprecated
    }
}
