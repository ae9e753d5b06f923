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

    /// The current position as a JSON Pointer.
    var pointer: JSONPointer {
        JSONPointer(tokens: path.map { step in
            switch step {
            case .key(let node): return JSONStrings.decode(nodes[node], in: bytes)
            case .index(let index): return String(index)
            case .missing(let name): return name
            }
        })
    }

    mutating func report(_ rule: ValidationIssue.Rule, severity: ValidationIssue.Severity = .error, expected: String, actual: String,
                         site: RuleSite, location: SourceLocation? = nil, details: [ValidationIssue] = [], bounded: Bool = true) {
        let (schemaPath, siteLocation) = describe(site)
        issues.append(ValidationIssue(severity: severity, pointer: pointer, rule: rule, expected: expected,
                                      actual: bounded ? ValidationIssue.bounded(actual) : actual, schemaPath: schemaPath,
                                      location: location ?? siteLocation, details: details))
    }

    mutating func reportType(_ node: Int, expected: String, site: RuleSite) {
        report(.type, expected: expected, actual: kindName(nodes[node].kind), site: site)
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
        case .unknownSchema(let name): return name
        case .array: return "array"
        case .map: return "object (map)"
        case .oneOf(let oneOf): return "one of " + oneOf.labels.joined(separator: ", ")
        case .enumeration(let table): return "one of \(list(table.names))"
        case .optional(let wrapped): return describe(wrapped)
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
