import SuretyJSON

/// Where in the contract a value's rule comes from: the root type, or a property of a schema.
enum RuleSite {
    case root(String)
    case property(schema: Int, property: Int)
}

/// One step of the walk from the root to the current value: an object key (by tape index) or an array index.
enum PathStep {
    case key(Int)
    case index(Int)
    case missing(String)
}

/// The single walk over a document's tape that checks it against a compiled type and collects issues.
struct ValidationWalker {
    let bytes: UnsafeBufferPointer<UInt8>
    let nodes: UnsafeBufferPointer<JSONNode>
    let program: ValidationProgram
    let strict: Bool
    var issues: [ValidationIssue] = []
    var path: [PathStep] = []

    init(bytes: UnsafeBufferPointer<UInt8>, nodes: UnsafeBufferPointer<JSONNode>, program: ValidationProgram, strict: Bool) {
        self.bytes = bytes
        self.nodes = nodes
        self.program = program
        self.strict = strict
    }

    mutating func check(_ node: Int, _ type: CompiledType, schemaPath: String) {
        check(node, type, site: .root(schemaPath))
    }

    mutating func check(_ node: Int, _ type: CompiledType, site: RuleSite) {
        let kind = nodes[node].kind
        switch type {
        case .optional(let wrapped):
            if kind != .null { check(node, wrapped, site: site) }
        case .any:
            return
        case _ where kind == .null:
            report(.null, expected: describe(type), actual: "null", site: site)
        case .primitive(let primitive):
            checkPrimitive(node, primitive, site: site)
        case .enumeration(let table):
            guard kind == .string else { return reportType(node, expected: "string (one of \(list(table.names)))", site: site) }
            guard let index = withString(node, { table.index(of: $0) }) else {
                return report(.enum, expected: "one of \(list(table.names))", actual: quoted(node), site: site)
            }
            if table.deprecated.contains(table.names[index]) {
                report(.deprecatedValue, severity: .warning, expected: "a value that is not deprecated", actual: quoted(node), site: site)
            }
        case .array(let element):
            guard kind == .array else { return reportType(node, expected: "array", site: site) }
            var child = node + 1
            for position in 0..<Int(nodes[node].count) {
                path.append(.index(position))
                check(child, element, site: site)
                path.removeLast()
                child = Int(nodes[child].next)
            }
        case .map(let value):
            guard kind == .object else { return reportType(node, expected: "object (map)", site: site) }
            var child = node + 1
            for _ in 0..<Int(nodes[node].count) {
                path.append(.key(child))
                check(child + 1, value, site: site)
                path.removeLast()
                child = Int(nodes[child + 1].next)
            }
        case .schema(let index):
            guard kind == .object else { return reportType(node, expected: "object (\(program.schemas[index].name))", site: site) }
            checkObject(node, program.schemas[index], schemaIndex: index)
        case .oneOf(let oneOf):
            checkOneOf(node, oneOf, site: site)
        case .unknownSchema(let name):
            report(.unknownSchema, expected: "a schema named \(name) in the contract", actual: "no such schema", site: site)
        case .empty:
            report(.body, expected: "no body", actual: kindName(kind), site: site)
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
                    report(.type, expected: "integer", actual: "number \(String(decoding: literal, as: UTF8.self))", site: site)
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
            if !valid { report(.format, expected: primitive.rawValue, actual: quoted(node), site: site) }
        }
    }

    mutating func checkObject(_ node: Int, _ schema: CompiledSchema, schemaIndex: Int) {
        let propertyCount = schema.properties.count
        var seenSmall: UInt64 = 0
        var seenLarge = propertyCount > 64 ? [Bool](repeating: false, count: propertyCount) : []
        var child = node + 1
        for _ in 0..<Int(nodes[node].count) {
            let keyNode = child
            let valueNode = child + 1
            child = Int(nodes[valueNode].next)
            guard let index = withString(keyNode, { schema.propertyIndex(of: $0) }) else {
                if strict && !schema.isOpen {
                    path.append(.key(keyNode))
                    report(.unknownProperty, expected: "only the properties of \(schema.name)", actual: "property \(quoted(keyNode))",
                           site: .root(schema.name), location: schema.location)
                    path.removeLast()
                }
                continue
            }
            if propertyCount > 64 { seenLarge[index] = true } else { seenSmall |= 1 << UInt64(index) }
            path.append(.key(keyNode))
            let site = RuleSite.property(schema: schemaIndex, property: index)
            // A property both deprecated and required must be sent, so its presence is not reported (DocumentSummary.state).
            if schema.warnsWhenPresent[index] && nodes[valueNode].kind != .null {
                report(.deprecated, severity: .warning, expected: "no deprecated property",
                       actual: "\(schema.properties[index].name) present", site: site)
            }
            check(valueNode, schema.types[index], site: site)
            path.removeLast()
        }
        if propertyCount <= 64 && seenSmall & schema.requiredMask == schema.requiredMask { return }
        for index in schema.requiredIndices {
            let seen = propertyCount > 64 ? seenLarge[index] : seenSmall & (1 << UInt64(index)) != 0
            guard !seen else { continue }
            let property = schema.properties[index]
            path.append(.missing(property.name))
            report(.required, expected: "property \(property.name) (\(property.typeLabel))", actual: "missing",
                   site: .property(schema: schemaIndex, property: index))
            path.removeLast()
        }
    }
}
