import SuretyJSON

extension Scenario {
    /// Every `{{name}}` a step of the scenario refers to, in its path and query values, headers, body and expected
    /// values, in the order written (a name once).
    public var references: [String] {
        var names: [String] = []
        func add(_ template: TemplateString) {
            for name in template.references where !names.contains(name) { names.append(name) }
        }
        func add(_ value: JSONValue) {
            switch value {
            case .string(let text): add(TemplateString(text))
            case .array(let elements): elements.forEach(add)
            case .object(let members): members.forEach { add($0.value) }
            case .null, .bool, .number: break
            }
        }
        for step in steps {
            (step.pathValues + step.query + step.headers).forEach { add($0.value) }
            if let body = step.body { add(body) }
            step.expectation.values.forEach { add($0.value) }
        }
        return names
    }
}
