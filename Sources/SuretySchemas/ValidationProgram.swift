import SuretyJSON

/// A type compiled for validation: schema names resolved to indices, enum values and property names kept as bytes.
indirect enum CompiledType: Sendable {
    case primitive(TypeRef.Primitive)
    case schema(Int)
    case unknownSchema(String)
    case array(CompiledType)
    case map(CompiledType)
    case oneOf(CompiledOneOf)
    case enumeration(EnumTable)
    case optional(CompiledType)
    case any
    case empty
}

/// The values of one enum, as bytes, with their deprecation marks.
final class EnumTable: Sendable {
    let values: [[UInt8]]
    let names: [String]
    let deprecated: Set<String>

    init(values: [String], deprecated: Set<String>) {
        self.names = values
        self.values = values.map { Array($0.utf8) }
        self.deprecated = deprecated
    }

    /// The index of the value whose bytes equal `bytes`.
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        outer: for (position, value) in values.enumerated() where value.count == bytes.count {
            for offset in 0..<value.count where value[offset] != bytes[offset] { continue outer }
            return position
        }
        return nil
    }
}

/// One property of a compiled schema.
struct CompiledProperty: Sendable {
    let name: String
    let nameBytes: [UInt8]
    let type: CompiledType
    let typeLabel: String
    let isRequired: Bool
    let isDeprecated: Bool
    let location: SourceLocation?
    /// `Schema.property`, the issue's `schemaPath`, built once.
    let schemaPath: String
}

/// A compiled schema: properties plus a lookup from a key's length to the candidate properties.
final class CompiledSchema: Sendable {
    let name: String
    let properties: [CompiledProperty]
    /// Properties grouped by name length (lengths ≥ 64 share the last bucket).
    let byLength: [[Int]]
    /// Undocumented schemas accept any object and never report unknown properties.
    let isOpen: Bool
    let location: SourceLocation?
    /// The walk's hot fields apart from the properties, so it reads one field without copying a whole property.
    let types: [CompiledType]
    /// Whether a property's presence warns: deprecated and optional (a required one must be sent).
    let warnsWhenPresent: [Bool]
    /// The required properties' indices, in documented order.
    let requiredIndices: [Int]
    /// For schemas of at most 64 properties: one bit per required property, to check them all with one comparison.
    let requiredMask: UInt64

    init(name: String, properties: [CompiledProperty], isOpen: Bool, location: SourceLocation?) {
        self.name = name
        self.properties = properties
        self.isOpen = isOpen
        self.location = location
        self.types = properties.map(\.type)
        self.warnsWhenPresent = properties.map { $0.isDeprecated && !$0.isRequired }
        self.requiredIndices = properties.indices.filter { properties[$0].isRequired }
        self.requiredMask = properties.count > 64 ? 0 : requiredIndices.reduce(0) { $0 | 1 << UInt64($1) }
        var buckets = [[Int]](repeating: [], count: 65)
        for (index, property) in properties.enumerated() { buckets[min(property.nameBytes.count, 64)].append(index) }
        self.byLength = buckets
    }

    /// The index of the property whose name equals the key's bytes.
    @inline(__always)
    func propertyIndex(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        outer: for candidate in byLength[min(key.count, 64)] {
            let name = properties[candidate].nameBytes
            guard name.count == key.count else { continue }
            for offset in 0..<name.count where name[offset] != key[offset] { continue outer }
            return candidate
        }
        return nil
    }
}

/// All schemas of a contract compiled once; shared, immutable, safe to use from any thread.
final class ValidationProgram: Sendable {
    let schemas: [CompiledSchema]
    let indexByName: [String: Int]
    let source: SchemaSet
    let undocumented: Set<String>

    init(_ set: SchemaSet, undocumented: Set<String>) {
        var indexByName: [String: Int] = [:]
        for (index, schema) in set.schemas.enumerated() { indexByName[schema.name] = index }
        self.indexByName = indexByName
        self.source = set
        self.undocumented = undocumented
        self.schemas = set.schemas.map { schema in
            CompiledSchema(
                name: schema.name,
                properties: schema.properties.map { property in
                    CompiledProperty(
                        name: property.name, nameBytes: Array(property.name.utf8),
                        type: ValidationProgram.compile(property.type, Names(indexByName, set, undocumented),
                                                        deprecatedValues: Set(property.deprecatedValues)),
                        typeLabel: property.type.description, isRequired: property.isRequired, isDeprecated: property.isDeprecated, location: property.location,
                        schemaPath: "\(schema.name).\(property.name)")
                },
                isOpen: undocumented.contains(schema.name),
                location: schema.location)
        }
    }

    /// Compiles a type against this program's schema names.
    func compile(_ type: TypeRef) -> CompiledType {
        Self.compile(type, Names(indexByName, source, undocumented), deprecatedValues: [])
    }

    /// What compiling a type needs to know of the schemas: their indices, and their properties for `oneOf` selectors.
    struct Names {
        let indices: [String: Int]
        let schemas: SchemaSet
        let undocumented: Set<String>

        init(_ indices: [String: Int], _ schemas: SchemaSet, _ undocumented: Set<String>) {
            self.indices = indices
            self.schemas = schemas
            self.undocumented = undocumented
        }
    }

    static func compile(_ type: TypeRef, _ names: Names, deprecatedValues: Set<String>) -> CompiledType {
        switch type {
        case .primitive(let primitive): return .primitive(primitive)
        case .named(let name): return names.indices[name].map(CompiledType.schema) ?? .unknownSchema(name)
        case .array(let element): return .array(compile(element, names, deprecatedValues: deprecatedValues))
        // A free-form map (`map<string, object>`) takes any values, null included, as its OpenAPI export says.
        case .map(.primitive(.object)): return .map(.any)
        case .map(let value): return .map(compile(value, names, deprecatedValues: deprecatedValues))
        case .oneOf(let branches):
            return .oneOf(CompiledOneOf(branches: branches.map { compile($0, names, deprecatedValues: deprecatedValues) },
                                        labels: branches.map(\.description),
                                        selector: BranchSelector(branches: branches, schemas: names.schemas, undocumented: names.undocumented)))
        case .enumeration(let values): return .enumeration(EnumTable(values: values, deprecated: deprecatedValues))
        case .optional(let wrapped): return .optional(compile(wrapped, names, deprecatedValues: deprecatedValues))
        case .unspecified: return .any
        case .empty: return .empty
        }
    }
}
