import SuretyJSON

extension ValidationProgram {
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

    static func compile(_ type: TypeRef, _ names: Names, deprecatedValues: Set<String>, into tables: inout TypeTables) -> CompiledType {
        func nested(_ inner: TypeRef) -> Int {
            let compiled = compile(inner, names, deprecatedValues: deprecatedValues, into: &tables)
            tables.types.append(compiled)
            return tables.types.count - 1
        }
        switch type {
        case .primitive(let primitive): return .primitive(primitive)
        case .named(let name):
            if let index = names.indices[name] { return .schema(index) }
            tables.names.append(name)
            return .unknownSchema(tables.names.count - 1)
        case .array(let element): return .array(nested(element))
        // A free-form map (`map<string, object>`) takes any values, null included, as its OpenAPI export says.
        case .map(.primitive(.object)): return .map(nested(.unspecified))
        case .map(let value): return .map(nested(value))
        case .oneOf(let branches):
            let compiled = branches.map { compile($0, names, deprecatedValues: deprecatedValues, into: &tables) }
            tables.oneOfs.append(CompiledOneOf(branches: compiled, labels: branches.map(\.description),
                                               selector: BranchSelector(branches: branches, schemas: names.schemas, undocumented: names.undocumented)))
            return .oneOf(tables.oneOfs.count - 1)
        case .enumeration(let values):
            return .enumeration(tables.addEnum(values: values, deprecated: deprecatedValues))
        case .optional(let wrapped): return .optional(nested(wrapped))
        case .unspecified: return .any
        case .empty: return .empty
        }
    }
}
