import SuretyJSON

/// Validates JSON against the contract's types and schemas, returning every issue of a document in one pass.
///
/// The validator compiles the schemas once and then walks a parsed document's tape directly, comparing keys and enum
/// values as bytes; it allocates only when it reports an issue. Unknown properties are ignored (a tolerant reader)
/// unless `strict` is set; deprecated properties and values are warnings, never errors.
public struct SchemaValidator: Sendable {
    /// Switches that change what counts as an issue.
    public struct Options: Sendable {
        /// Report properties a schema does not list.
        public var strict: Bool

        /// Creates options; by default unknown properties are ignored.
        public init(strict: Bool = false) {
            self.strict = strict
        }
    }

    /// The schemas this validator knows.
    public let schemas: SchemaSet
    /// The options in force.
    public let options: Options
    let program: ValidationProgram
    /// The types compiled at creation (a contract's body types), so validating against one compiles nothing.
    let prepared: [TypeRef: CompiledRoot]

    /// Compiles a schema set; `undocumented` names schemas the documents name without a table (any object passes);
    /// `prepare` lists types compiled now rather than at each validation (a `oneOf` costs a compile every time).
    public init(schemas: SchemaSet, undocumented: Set<String> = [], options: Options = Options(), prepare: [TypeRef] = []) {
        self.schemas = schemas
        self.options = options
        let program = ValidationProgram(schemas, undocumented: undocumented)
        self.program = program
        var prepared: [TypeRef: CompiledRoot] = [:]
        for type in prepare where prepared[type] == nil { prepared[type] = program.compile(type) }
        self.prepared = prepared
    }

    /// A copy with other options, sharing the compiled schemas.
    public func with(options: Options) -> SchemaValidator {
        SchemaValidator(schemas: schemas, options: options, program: program, prepared: prepared)
    }

    private init(schemas: SchemaSet, options: Options, program: ValidationProgram, prepared: [TypeRef: CompiledRoot]) {
        self.schemas = schemas
        self.options = options
        self.program = program
        self.prepared = prepared
    }

    /// Validates a parsed document against a type.
    public func validate(_ document: JSONDocument, against type: TypeRef) -> [ValidationIssue] {
        validate(document, compiled: prepared[type] ?? program.compile(type))
    }

    /// Validates a parsed document against a named schema; nil when the contract has no schema of that name.
    public func validate(_ document: JSONDocument, schema name: String) -> [ValidationIssue]? {
        guard let index = program.indexByName[name] else { return nil }
        return validate(document, compiled: CompiledRoot(type: .schema(index), tables: program.tables, path: name))
    }

    /// Validates a value tree against a type.
    public func validate(_ value: JSONValue, against type: TypeRef) -> [ValidationIssue] {
        let bytes = JSONWriter(style: .compact).bytes(value)
        guard let document = try? JSONParser(options: .init(duplicateKeys: .allow)).parse(bytes) else { return [] }
        return validate(document, against: type)
    }

    /// Whether a value is valid (no errors; warnings allowed).
    public func isValid(_ document: JSONDocument, against type: TypeRef) -> Bool {
        !validate(document, against: type).contains { $0.severity == .error }
    }

    func validate(_ document: JSONDocument, compiled: CompiledRoot) -> [ValidationIssue] {
        document.bytes.withUnsafeBufferPointer { bytes in
            document.nodes.withUnsafeBufferPointer { nodes in
                var walker = ValidationWalker(bytes: bytes, nodes: nodes, program: program, root: compiled, strict: options.strict)
                walker.check(0, compiled.type, schemaPath: compiled.path)
                return walker.issues
            }
        }
    }
}
