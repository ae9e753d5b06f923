import SuretyJSON

/// Where in the contract a value's rule comes from: the root type, or a property of a schema.
enum RuleSite {
    case root(String)
    case property(schema: Int, property: Int)
}

/// The single walk over a document's tape that checks it against a compiled type and collects issues.
struct ValidationWalker {
    let bytes: UnsafeBufferPointer<UInt8>
    let nodes: UnsafeBufferPointer<JSONNode>
    let program: ValidationProgram
    /// The root type and the tables the compiled types' indices point into.
    let root: CompiledRoot
    let strict: Bool
    var issues: [ValidationIssue] = []

    init(bytes: UnsafeBufferPointer<UInt8>, nodes: UnsafeBufferPointer<JSONNode>, program: ValidationProgram, root: CompiledRoot,
         strict: Bool) {
        self.bytes = bytes
        self.nodes = nodes
        self.program = program
        self.root = root
        self.strict = strict
    }

    mutating func check(_ node: Int, _ type: CompiledType, schemaPath: String) {
        check(node, type, site: .root(schemaPath))
    }

    mutating func check(_ node: Int, _ type: CompiledType, site: RuleSite) {
        let kind = nodes[node].kind
        switch type {
        case .optional(let wrapped):
            if kind != .null { check(node, root.tables.types[wrapped], site: site) }
        case .any:
            return
        case _ where kind == .null:
            report(.null, at: node, expected: describe(type), actual: "null", site: site)
        case .primitive(let primitive):
            checkPrimitive(node, primitive, site: site)
        case .enumeration(let enumIndex):
            guard kind == .string else {
                return reportType(node, expected: "string (one of \(list(root.tables.enumNames[enumIndex])))", site: site)
            }
            guard let value = withString(node, { root.tables.enumValue(of: $0, in: enumIndex) }) else {
                return report(.enum, at: node, expected: "one of \(list(root.tables.enumNames[enumIndex]))", actual: quoted(node), site: site)
            }
            if root.tables.isDeprecatedValue[value] {
                report(.deprecatedValue, severity: .warning, at: node, expected: "a value that is not deprecated", actual: quoted(node), site: site)
            }
        case .array(let elementIndex):
            guard kind == .array else { return reportType(node, expected: "array", site: site) }
            let element = root.tables.types[elementIndex]
            var child = node + 1
            for _ in 0..<Int(nodes[node].count) {
                check(child, element, site: site)
                child = Int(nodes[child].next)
            }
        case .map(let valueIndex):
            guard kind == .object else { return reportType(node, expected: "object (map)", site: site) }
            let value = root.tables.types[valueIndex]
            var child = node + 1
            for _ in 0..<Int(nodes[node].count) {
                check(child + 1, value, site: site)
                child = Int(nodes[child + 1].next)
            }
        case .schema(let index):
            guard kind == .object else { return reportType(node, expected: "object (\(program.schemas[index].name))", site: site) }
            checkObject(node, program.schemas[index], schemaIndex: index)
        case .oneOf(let oneOfIndex):
            checkOneOf(node, root.tables.oneOfs[oneOfIndex], site: site)
        case .unknownSchema(let nameIndex):
            let name = root.tables.names[nameIndex]
            report(.unknownSchema, at: node, expected: "a schema named \(name) in the contract", actual: "no such schema", site: site)
        case .empty:
            report(.body, at: node, expected: "no body", actual: kindName(kind), site: site)
        }
    }

    mutating func checkPrimitive(_ node: Int, _ primitive: TypeRef.Primitive, site: RuleSite) {
        let kind = nodes[node].kind
        switch primitive {
        case .string:
            if kind != .string { reportType(node, expected: "string", site: site) }
        case .boolean:
            if kind != .true && kind != .false { reportType(node, expected: "boolean", site: site) }
        case .number:
            if kind != .number { reportType(node, expected: "number", site: site) }
        case .integer:
            guard kind == .number else { return reportType(node, expected: "integer", site: site) }
            if nodes[node].flag {
                let literal = UnsafeBufferPointer(rebasing: bytes[Int(nodes[node].start)..<Int(nodes[node].end)])
                if !JSONNumber.isIntegral(literal) {
                    report(.type, at: node, expected: "integer", actual: "number \(String(decoding: literal, as: UTF8.self))", site: site)
                }
            }
        case .object:
            // The documents' `object` is Java's Object: any JSON value but null (`map<string,object>` element data
            // holds strings and numbers).
            return
        case .uuid, .ulid, .locator, .datetime:
            guard kind == .string else { return reportType(node, expected: "string (\(primitive.rawValue))", site: site) }
            let valid = withString(node) { value in
                switch primitive {
                case .uuid: return Formats.isUUID(value)
                case .datetime: return Formats.isDateTime(value)
                default: return Formats.isULID(value)
                }
            }
            if !valid { report(.format, at: node, expected: primitive.rawValue, actual: quoted(node), site: site) }
        }
    }
}
