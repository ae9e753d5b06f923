import SuretyJSON

/// Validates a stream of documents against one type with no per-document allocation on the happy path: the type is
/// compiled once, and each document is parsed in place into reusable tape storage.
public struct StreamValidator: Sendable {
    let validator: SchemaValidator
    let compiled: CompiledRoot
    let parser: JSONParser
    var scratch = JSONTapeScratch()

    /// Prepares to validate documents against `type`.
    public init(validator: SchemaValidator, type: TypeRef, parser: JSONParser = JSONParser(options: .init(duplicateKeys: .allow))) {
        self.validator = validator
        self.compiled = validator.program.compile(type)
        self.parser = parser
    }

    /// Parses and validates one document given as bytes: its issues, or the syntax error.
    public mutating func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<[ValidationIssue], JSONSyntaxError> {
        do {
            try parser.parse(bytes, into: &scratch)
        } catch {
            return .failure(error)
        }
        let issues = scratch.nodes.withUnsafeBufferPointer { nodes in
            var walker = ValidationWalker(bytes: bytes, nodes: nodes, program: validator.program, root: compiled,
                                          strict: validator.options.strict)
            walker.check(0, compiled.type, schemaPath: compiled.path)
            return walker.issues
        }
        return .success(issues)
    }
}
