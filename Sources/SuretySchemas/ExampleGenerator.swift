import SuretyJSON

/// Makes example values of the contract's types: seeded and deterministic, and valid by construction.
///
/// The same seed and type give the same value. ULIDs, UUIDs and RFC 3339 datetimes validate; enum values come from
/// the documented sets; optional properties are all present, all absent, or chosen by the seed. Values look like the
/// platform's (``PlausibleValues``): a property's name picks currencies, time zones, charge types and locators where
/// its type allows any string; every `…Start…` time precedes its `…End…`, creation times lie in the past and before
/// updates, `transactionType` matches `transactionCategory`, and a schema nested in itself appears one level deep.
public struct ExampleGenerator: Sendable {
    /// Which optional properties an example carries.
    public enum OptionalProperties: String, Sendable, CaseIterable {
        case all, none, random
    }

    /// The schemas examples are drawn from.
    public let schemas: SchemaSet
    /// Which optional properties to include.
    public var optional: OptionalProperties
    /// Whether optional deprecated properties may appear (mocks leave them out, so clients see current shapes).
    public var includesDeprecated: Bool
    /// Below this depth of nested schemas, optional properties are left out and arrays are empty, so recursive types end.
    public var maxDepth: Int

    /// Creates a generator.
    public init(schemas: SchemaSet, optional: OptionalProperties = .random, maxDepth: Int = 3, includesDeprecated: Bool = true) {
        self.schemas = schemas
        self.optional = optional
        self.includesDeprecated = includesDeprecated
        self.maxDepth = maxDepth
    }

    /// An example of `type`, drawn from `random`.
    public func example(of type: TypeRef, random: inout SeededRandom) -> JSONValue {
        value(type, depth: 0, ancestors: [], random: &random)
    }

    func value(_ type: TypeRef, depth: Int, ancestors: [String], name: String? = nil, random: inout SeededRandom) -> JSONValue {
        switch type {
        case .primitive(let primitive): return plausible(primitive, name: name, random: &random)
        case .named(let schemaName):
            guard let schema = schemas[schemaName] else { return .object([]) }
            return object(schema, depth: depth + 1, ancestors: ancestors + [schemaName], random: &random)
        case .array(let element):
            let recursive = !Set(element.referencedNames).isDisjoint(with: ancestors)
            let count = depth >= maxDepth || recursive ? 0 : 1 + random.below(2)
            return .array((0..<count).map { _ in value(element, depth: depth, ancestors: ancestors, name: name, random: &random) })
        case .map(let valueType):
            let count = depth >= maxDepth ? 0 : 1 + random.below(2)
            return .object((0..<count).map { index in
                JSONMember(key: ["alpha", "beta", "gamma"][index % 3], value: value(valueType, depth: depth + 1, ancestors: ancestors, random: &random))
            })
        case .oneOf(let branches):
            return value(branches[random.below(branches.count)], depth: depth, ancestors: ancestors, name: name, random: &random)
        case .enumeration(let values):
            return .string(values[random.below(values.count)])
        case .optional(let wrapped):
            return value(wrapped, depth: depth, ancestors: ancestors, name: name, random: &random)
        case .unspecified, .empty:
            return .object([])
        }
    }

    /// A primitive value, chosen by the property's name where ``PlausibleValues`` has a rule for it.
    func plausible(_ primitive: TypeRef.Primitive, name: String?, random: inout SeededRandom) -> JSONValue {
        guard let name else { return Self.primitive(primitive, random: &random) }
        switch primitive {
        case .string:
            if PlausibleValues.isLocator(name) { return .string(Self.ulid(random: &random)) }
            if let rule = PlausibleValues.rule(for: name) { return .string(rule.values[random.below(rule.values.count)]) }
        case .datetime where PlausibleValues.isPastTime(name):
            return .string(Self.datetime(random: &random, lastYear: PlausibleValues.latestPastYear))
        default:
            break
        }
        return Self.primitive(primitive, random: &random)
    }

    func object(_ schema: Schema, depth: Int, ancestors: [String] = [], random: inout SeededRandom) -> JSONValue {
        var members: [JSONMember] = []
        for property in schema.properties {
            let nested = !Set(property.type.referencedNames).isDisjoint(with: ancestors.dropLast())
                || property.type.unwrapped == .named(schema.name)
            if nested && !property.isRequired { continue }
            if !property.isRequired {
                if property.isDeprecated && !includesDeprecated { continue }
                let include: Bool
                switch optional {
                case .all: include = depth <= maxDepth
                case .none: include = false
                case .random: include = depth <= maxDepth && random.chance(0.5)
                }
                guard include else { continue }
                if property.type.isOptional && random.chance(0.1) {
                    members.append(JSONMember(key: property.name, value: .null))
                    continue
                }
            }
            members.append(JSONMember(key: property.name, value: value(property.type, depth: depth, ancestors: ancestors,
                                                                       name: property.name, random: &random)))
        }
        return .object(ExampleConsistency.apply(to: members))
    }

    /// A value of a built-in type.
    public static func primitive(_ primitive: TypeRef.Primitive, random: inout SeededRandom) -> JSONValue {
        switch primitive {
        case .string: return .string(["alpha", "beta", "gamma", "delta"][random.below(4)])
        case .integer: return .integer(random.below(100))
        case .number: return .number(JSONNumber(literal: "\(random.below(100000) / 100).\(10 + random.below(90))"))
        case .boolean: return .bool(random.chance(0.5))
        case .object: return .object([])
        case .uuid: return .string(uuid(random: &random))
        case .ulid, .locator: return .string(ulid(random: &random))
        case .datetime: return .string(datetime(random: &random))
        }
    }

    static let crockford = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A ULID: 26 Crockford base-32 characters, the first 0–7.
    public static func ulid(random: inout SeededRandom) -> String {
        var characters = [crockford[random.below(8)]]
        for _ in 0..<25 { characters.append(crockford[random.below(32)]) }
        return String(characters)
    }

    /// A UUID in 8-4-4-4-12 lower-case hexadecimal form (version 4 bits set).
    public static func uuid(random: inout SeededRandom) -> String {
        let hex = Array("0123456789abcdef")
        var text = ""
        for index in 0..<32 {
            if [8, 12, 16, 20].contains(index) { text.append("-") }
            let digit = index == 12 ? 4 : index == 16 ? 8 + random.below(4) : random.below(16)
            text.append(hex[digit])
        }
        return text
    }

    /// An RFC 3339 UTC datetime with microseconds, on a real calendar date between 2024 and `lastYear` (2027).
    public static func datetime(random: inout SeededRandom, lastYear: Int = 2027) -> String {
        let year = 2024 + random.below(lastYear - 2023)
        let month = 1 + random.below(12)
        let day = 1 + random.below(Formats.daysIn(month: month, year: year))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let micros = String(random.below(1_000_000)).leftPadded(to: 6)
        return "\(year)-\(two(month))-\(two(day))T\(two(random.below(24))):\(two(random.below(60))):\(two(random.below(60))).\(micros)Z"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
