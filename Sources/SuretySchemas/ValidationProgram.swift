import SuretyJSON

/// A type compiled for validation, as a plain value: schemas, nested types, `oneOf`s, enums and unknown names are
/// indices (into the program's schemas and the ``TypeTables`` it was compiled into), so the walk copies it for free.
enum CompiledType: Sendable, Equatable {
    case primitive(TypeRef.Primitive)
    case schema(Int)
    case unknownSchema(Int)
    case array(Int)
    case map(Int)
    case oneOf(Int)
    case enumeration(Int)
    case optional(Int)
    case any
    case empty
}

/// A type compiled against a program: the type, the tables its indices point into (a class, so each document's
/// walk holds it with one reference instead of copying the tables) and the schema path its issues start from.
final class CompiledRoot: Sendable {
    let type: CompiledType
    let tables: TypeTables
    /// The path of the root in issues: the type as written, made once rather than for every document checked.
    let path: String

    init(type: CompiledType, tables: TypeTables, path: String) {
        self.type = type
        self.tables = tables
        self.path = path
    }
}

/// All schemas of a contract compiled once; shared, immutable, safe to use from any thread.
final class ValidationProgram: Sendable {
    let schemas: [CompiledSchema]
    let indexByName: [String: Int]
    let source: SchemaSet
    let undocumented: Set<String>
    /// The tables of every property's type.
    let tables: TypeTables

    init(_ set: SchemaSet, undocumented: Set<String>) {
        var indexByName: [String: Int] = [:]
        for (index, schema) in set.schemas.enumerated() { indexByName[schema.name] = index }
        self.indexByName = indexByName
        self.source = set
        self.undocumented = undocumented
        let names = Names(indexByName, set, undocumented)
        var tables = TypeTables()
        self.schemas = set.schemas.map { schema in
            CompiledSchema(
                name: schema.name,
                properties: schema.properties.map { property in
                    CompiledProperty(
                        name: property.name,
                        type: Self.compile(property.type, names, deprecatedValues: Set(property.deprecatedValues), into: &tables),
                        typeLabel: property.type.description, isRequired: property.isRequired, isDeprecated: property.isDeprecated, location: property.location,
                        schemaPath: "\(schema.name).\(property.name)")
                },
                isOpen: undocumented.contains(schema.name),
                location: schema.location)
        }
        self.tables = tables
    }

    /// Compiles a type against this program's schema names; the program's tables are shared, copied only when the
    /// type needs entries of its own.
    func compile(_ type: TypeRef) -> CompiledRoot {
        var tables = self.tables
        let compiled = Self.compile(type, Names(indexByName, source, undocumented), deprecatedValues: [], into: &tables)
        return CompiledRoot(type: compiled, tables: tables, path: type.description)
    }
}
