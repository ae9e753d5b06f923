import SuretyJSON

extension ValidationWalker {
    /// Checks an object against a schema: each member by its property (the documented next one tried first), unknown
    /// members in strict mode, deprecated ones as warnings, then the required members with one mask comparison.
    mutating func checkObject(_ node: Int, _ schema: CompiledSchema, schemaIndex: Int) {
        let propertyCount = schema.properties.count
        var seenSmall: UInt64 = 0
        var seenLarge = propertyCount > 64 ? [Bool](repeating: false, count: propertyCount) : []
        var child = node + 1
        var expected = 0
        for _ in 0..<Int(nodes[node].count) {
            let keyNode = child
            let valueNode = child + 1
            child = Int(nodes[valueNode].next)
            guard let index = withString(keyNode, { schema.propertyIndex(of: $0, expected: expected) }) else {
                if strict && !schema.isOpen {
                    report(.unknownProperty, at: valueNode, expected: "only the properties of \(schema.name)", actual: "property \(quoted(keyNode))",
                           site: .root(schema.name), location: schema.location)
                }
                continue
            }
            expected = index + 1
            if propertyCount > 64 { seenLarge[index] = true } else { seenSmall |= 1 << UInt64(index) }
            let site = RuleSite.property(schema: schemaIndex, property: index)
            // A property both deprecated and required must be sent, so its presence is not reported (DocumentSummary.state).
            if schema.warnsWhenPresent[index] && nodes[valueNode].kind != .null {
                report(.deprecated, severity: .warning, at: valueNode, expected: "no deprecated property",
                       actual: schema.presentTexts[index], site: site)
            }
            check(valueNode, schema.types[index], site: site)
        }
        if propertyCount <= 64 && seenSmall & schema.requiredMask == schema.requiredMask { return }
        for index in schema.requiredIndices {
            let seen = propertyCount > 64 ? seenLarge[index] : seenSmall & (1 << UInt64(index)) != 0
            guard !seen else { continue }
            let property = schema.properties[index]
            report(.required, at: node, missing: property.name, expected: "property \(property.name) (\(property.typeLabel))", actual: "missing",
                   site: .property(schema: schemaIndex, property: index))
        }
    }
}
