import SuretyJSON

extension ValidationWalker {
    /// Runs `body` over a string node's content bytes, decoding escapes only when the string has any.
    @inline(__always)
    func withString<Result>(_ node: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let token = nodes[node]
        if !token.flag { return body(UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])) }
        var decoded = JSONStrings.decode(token, in: bytes)
        return decoded.withUTF8(body)
    }

    /// The JSON Pointer of a value node (then `missing`, for an absent member), found by descending from the root:
    /// issues are rare, so the walk keeps no path.
    func pointer(to target: Int, missing: String? = nil) -> JSONPointer {
        var tokens: [String] = []
        var node = 0
        descent: while node != target {
            let isObject = nodes[node].kind == .object
            var child = node + 1
            for position in 0..<Int(nodes[node].count) {
                let value = isObject ? child + 1 : child
                let next = Int(nodes[value].next)
                if target < next {
                    tokens.append(isObject ? JSONStrings.decode(nodes[child], in: bytes) : String(position))
                    node = value
                    continue descent
                }
                child = next
            }
            break
        }
        if let missing { tokens.append(missing) }
        return JSONPointer(tokens: tokens)
    }

    mutating func report(_ rule: ValidationIssue.Rule, severity: ValidationIssue.Severity = .error, at node: Int, missing: String? = nil,
                         expected: String, actual: String, site: RuleSite, location: SourceLocation? = nil,
                         details: [ValidationIssue] = [], bounded: Bool = true) {
        let (schemaPath, siteLocation) = describe(site)
        issues.append(ValidationIssue(severity: severity, pointer: pointer(to: node, missing: missing), rule: rule, expected: expected,
                                      actual: bounded ? ValidationIssue.bounded(actual) : actual, schemaPath: schemaPath,
                                      location: location ?? siteLocation, details: details))
    }

    mutating func reportType(_ node: Int, expected: String, site: RuleSite) {
        report(.type, at: node, expected: expected, actual: kindName(nodes[node].kind), site: site)
    }

    func describe(_ site: RuleSite) -> (String, SourceLocation?) {
        switch site {
        case .root(let path): return (path, nil)
        case .property(let schema, let property):
            let compiled = program.schemas[schema].properties[property]
            return (compiled.schemaPath, compiled.location)
        }
    }

    /// A compiled type in words, for "expected" texts.
    func describe(_ type: CompiledType) -> String {
        switch type {
        case .primitive(let primitive): return primitive.rawValue
        case .schema(let index): return "object (\(program.schemas[index].name))"
        case .unknownSchema(let name): return root.tables.names[name]
        case .array: return "array"
        case .map: return "object (map)"
        case .oneOf(let oneOf): return "one of " + root.tables.oneOfs[oneOf].labels.joined(separator: ", ")
        case .enumeration(let table): return "one of \(list(root.tables.enumNames[table]))"
        case .optional(let wrapped): return describe(root.tables.types[wrapped])
        case .any: return "any value"
        case .empty: return "no body"
        }
    }

    func list(_ values: [String]) -> String {
        values.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    func quoted(_ node: Int) -> String {
        "\"" + JSONStrings.decode(nodes[node], in: bytes) + "\""
    }

    func kindName(_ kind: JSONNode.Kind) -> String {
        switch kind {
        case .null: return "null"
        case .true, .false: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
