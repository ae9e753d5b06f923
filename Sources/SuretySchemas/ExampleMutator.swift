import SuretyJSON

/// Breaks a valid example in one chosen way, for differential tests and benchmarks of validators.
public struct ExampleMutator: Sendable {
    /// The ways a document can be broken, each a different rule of the validator.
    public enum Mutation: String, Sendable, CaseIterable {
        /// Remove a required property.
        case missingRequired
        /// Put a value outside an enum's documented set.
        case badEnum
        /// Change a value's JSON type.
        case wrongType
        /// Put a malformed ulid, uuid or datetime.
        case badFormat
        /// Put null where the type is not optional.
        case null
    }

    /// One place a mutation can apply.
    public struct Site: Sendable, Hashable {
        /// Where.
        public var pointer: JSONPointer
        /// Which mutation.
        public var mutation: Mutation
        /// The value to put there (nil: remove).
        public var replacement: JSONValue?
    }

    /// The schemas the examples follow.
    public let schemas: SchemaSet

    /// Creates a mutator.
    public init(schemas: SchemaSet) {
        self.schemas = schemas
    }

    /// Every place in `value` (valid for `type`) where one mutation breaks it.
    public func sites(in value: JSONValue, of type: TypeRef) -> [Site] {
        var sites: [Site] = []
        collect(value, type, .root, into: &sites)
        return sites
    }

    /// The value broken once, at a site drawn from `random`, with the mutation applied; nil when nothing can break.
    public func mutate(_ value: JSONValue, of type: TypeRef, random: inout SeededRandom) -> (JSONValue, Site)? {
        let all = sites(in: value, of: type)
        guard !all.isEmpty else { return nil }
        let kinds = Mutation.allCases.filter { kind in all.contains { $0.mutation == kind } }
        let kind = kinds[random.below(kinds.count)]
        let candidates = all.filter { $0.mutation == kind }
        let site = candidates[random.below(candidates.count)]
        return (value.setting(site.replacement, at: site.pointer), site)
    }

    func collect(_ value: JSONValue, _ type: TypeRef, _ pointer: JSONPointer, nullable: Bool = false, into sites: inout [Site]) {
        if type == .unspecified { return }
        if case .named(let name) = type, schemas[name]?.properties.isEmpty ?? true { return }
        switch (type, value) {
        case (.optional(let wrapped), _):
            if value != .null { collect(value, wrapped, pointer, nullable: true, into: &sites) }
            return
        case (_, .null):
            return
        default:
            break
        }
        if !pointer.tokens.isEmpty && !nullable {
            sites.append(Site(pointer: pointer, mutation: .null, replacement: .null))
        }
        switch (type, value) {
        case (.primitive(let primitive), _):
            switch primitive {
            case .string: sites.append(Site(pointer: pointer, mutation: .wrongType, replacement: .integer(7)))
            case .integer: sites.append(Site(pointer: pointer, mutation: .wrongType, replacement: .number(JSONNumber(literal: "2.5"))))
            case .number, .boolean: sites.append(Site(pointer: pointer, mutation: .wrongType, replacement: "text"))
            case .object: break // any JSON value but null: no other type is wrong
            case .uuid: sites.append(Site(pointer: pointer, mutation: .badFormat, replacement: "123e4567-e89b-12d3-a456-42661417400"))
            case .ulid, .locator: sites.append(Site(pointer: pointer, mutation: .badFormat, replacement: "01ARZ3NDEKTSV4RRFFQ69G5FAU"))
            case .datetime: sites.append(Site(pointer: pointer, mutation: .badFormat, replacement: "2023-02-29T10:00:00Z"))
            }
        case (.enumeration, _):
            sites.append(Site(pointer: pointer, mutation: .badEnum, replacement: "notADocumentedValue"))
        case (.array(let element), .array(let elements)):
            sites.append(Site(pointer: pointer, mutation: .wrongType, replacement: .object([])))
            for (index, item) in elements.enumerated() { collect(item, element, pointer.appending(index), into: &sites) }
        case (.map(let valueType), .object(let members)):
            sites.append(Site(pointer: pointer, mutation: .wrongType, replacement: []))
            // A free-form map's values can be anything, null included: nothing in them is wrong.
            guard valueType != .primitive(.object) else { return }
            for member in members { collect(member.value, valueType, pointer.appending(member.key), into: &sites) }
        case (.named(let name), .object(let members)):
            sites.append(Site(pointer: pointer, mutation: .wrongType, replacement: []))
            guard let schema = schemas[name] else { return }
            for property in schema.properties {
                guard let member = members.last(where: { $0.key == property.name }) else { continue }
                let propertyPointer = pointer.appending(property.name)
                if property.isRequired { sites.append(Site(pointer: propertyPointer, mutation: .missingRequired, replacement: nil)) }
                collect(member.value, property.type, propertyPointer, into: &sites)
            }
        default:
            return
        }
    }
}
