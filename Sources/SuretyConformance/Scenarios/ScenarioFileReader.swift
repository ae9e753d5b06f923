import SuretyContracts
import SuretyJSON
import SuretySchemas

/// Reads one parsed scenario file, keeping a diagnostic with line, column and pointer for every problem.
struct ScenarioFileReader {
    typealias Members = [(key: String, keyIndex: Int, valueIndex: Int)]

    /// The located reading of the file: positions, diagnostics and the shape checks shared with contract files.
    var reader: LocatedReader
    let contract: Contract?
    /// Captures defined by the steps read so far.
    var captured: Set<String> = []

    init(document: JSONDocument, file: String, contract: Contract?) {
        self.reader = LocatedReader(document: document, file: file)
        self.contract = contract
    }

    var document: JSONDocument { reader.document }
    var file: String { reader.file }
    var diagnostics: [Diagnostic] { reader.diagnostics }

    static let scenarioKeys: Set<String> = ["surety", "name", "description", "requires", "steps"]
    static let stepKeys: Set<String> = ["name", "endpoint", "route", "admin", "path", "query", "headers", "body", "expect", "capture"]
    /// The path prefix of an `admin` step's route (Surety's own routes, which no API path starts with).
    static let adminPrefix = SuretyRoutes.adminPrefix
    static let expectKeys: Set<String> = ["status", "body"]

    mutating func readScenario() -> Scenario? {
        guard let members = reader.object(document.root, .root, allowed: Self.scenarioKeys) else { return nil }
        if let node = reader.member(members, "surety", of: document.root, .root, required: true),
           let version = reader.string(node, "/surety"), version != ScenarioLoader.formatVersion {
            reader.error("unsupported format \"\(ValidationIssue.bounded(version))\": expected \"\(ScenarioLoader.formatVersion)\"", at: node, "/surety")
        }
        let fallbackName = String(file.split(separator: "/").last ?? Substring(file)).replacingSuffix(".json")
        let name = reader.optionalString(members, "name", .root) ?? fallbackName
        let description = reader.optionalString(members, "description", .root)
        var requires: Set<Scenario.Requirement> = []
        for word in reader.optionalStrings(members, "requires", .root) {
            guard let requirement = Scenario.Requirement(rawValue: word) else {
                let known = Scenario.Requirement.allCases.map(\.rawValue).joined(separator: ", ")
                if let node = reader.member(members, "requires", of: document.root, .root, required: false) {
                    reader.error("unknown requirement \"\(ValidationIssue.bounded(word))\": expected one of \(known)", at: node, "/requires")
                }
                continue
            }
            requires.insert(requirement)
        }
        guard let stepsNode = reader.member(members, "steps", of: document.root, .root, required: true),
              let elements = reader.array(stepsNode, "/steps") else { return nil }
        if elements.isEmpty { reader.error("a scenario needs at least one step", at: stepsNode, "/steps") }
        var steps: [Scenario.Step] = []
        for (index, node) in elements.enumerated() {
            if let step = readStep(node, index: index) { steps.append(step) }
        }
        return Scenario(name: name, description: description, file: file, steps: steps, requires: requires)
    }

    mutating func readStep(_ node: Int, index: Int) -> Scenario.Step? {
        let pointer = JSONPointer(tokens: ["steps", String(index)])
        guard let members = reader.object(node, pointer, allowed: Self.stepKeys) else { return nil }
        let name = reader.optionalString(members, "name", pointer) ?? "step \(index + 1)"
        let (target, endpoint) = readTarget(members, node: node, pointer)
        let pathValues = fields(members, "path", pointer)
        let query = fields(members, "query", pointer)
        let headers = fields(members, "headers", pointer)
        var body: JSONValue?
        if let bodyNode = reader.member(members, "body", of: node, pointer, required: false) {
            body = document.value(at: bodyNode)
            checkReferences(inValue: bodyNode, pointer.appending("body"))
        }
        if let endpoint {
            let names = Set(endpoint.path.parameterNames)
            for field in pathValues where !names.contains(field.field.name) {
                let hint = EditDistance.didYouMean(EditDistance.closest(to: field.field.name, among: Array(names)))
                reader.error("\(endpoint.id) has no path parameter \"\(field.field.name)\"\(hint)", at: field.keyIndex,
                      pointer.appending("path").appending(field.field.name))
            }
        }
        for field in pathValues + query + headers {
            checkReferences(field.field.value, at: field.valueIndex, field.pointer)
        }
        if case .admin = target, let field = (pathValues + query).first {
            reader.error("an admin step sends its route as written: give no path or query values", at: field.keyIndex, field.pointer)
        }
        let expectation = readExpectation(members, node: node, pointer)
        let captures = readCaptures(members, pointer)
        guard let target else { return nil }
        return Scenario.Step(name: name, target: target, pathValues: pathValues.map(\.field),
                             query: query.map(\.field), headers: headers.map(\.field), body: body,
                             expectation: expectation, captures: captures,
                             location: SourceLocation(file: file, position: reader.position(node)))
    }

    /// `endpoint` (an id), `route` (`METHOD /template`) or `admin` (`METHOD /__surety/…`); with a contract, the
    /// endpoint the first two name.
    mutating func readTarget(_ members: Members, node: Int, _ pointer: JSONPointer) -> (Scenario.Target?, Endpoint?) {
        let idNode = members.first { $0.key == "endpoint" }?.valueIndex
        let routeNode = members.first { $0.key == "route" }?.valueIndex
        let adminNode = members.first { $0.key == "admin" }?.valueIndex
        if [idNode, routeNode, adminNode].compactMap({ $0 }).count > 1 {
            reader.error("give one of \"endpoint\", \"route\" and \"admin\"", at: node, pointer)
            return (nil, nil)
        }
        if let adminNode {
            let at = pointer.appending("admin")
            guard let route = reader.string(adminNode, at) else { return (nil, nil) }
            let words = route.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 2, words[1].hasPrefix(Self.adminPrefix) else {
                reader.error("expected \"METHOD \(Self.adminPrefix)name\", found \"\(ValidationIssue.bounded(route))\"", at: adminNode, at)
                return (nil, nil)
            }
            return (.admin(method: words[0].uppercased(), path: String(words[1])), nil)
        }
        switch (idNode, routeNode) {
        case (nil, nil):
            reader.error("name the endpoint: \"endpoint\": ID or \"route\": \"METHOD /template\"", at: node, pointer)
            return (nil, nil)
        case (.some, .some):
            return (nil, nil)  // reported above
        case (let idNode?, nil):
            guard let id = reader.string(idNode, pointer.appending("endpoint")) else { return (nil, nil) }
            guard let contract else { return (.endpoint(id), nil) }
            guard let endpoint = contract.endpoint(id: id) else {
                let hint = EditDistance.didYouMean(contract.endpointSuggestions(for: id))
                reader.error("unknown endpoint \"\(ValidationIssue.bounded(id))\"\(hint)", at: idNode, pointer.appending("endpoint"))
                return (.endpoint(id), nil)
            }
            return (.endpoint(id), endpoint)
        case (nil, let routeNode?):
            let at = pointer.appending("route")
            guard let route = reader.string(routeNode, at) else { return (nil, nil) }
            let words = route.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 2, words[1].hasPrefix("/") else {
                reader.error("expected \"METHOD /path/{template}\", found \"\(ValidationIssue.bounded(route))\"", at: routeNode, at)
                return (nil, nil)
            }
            let method = words[0].uppercased()
            let path = String(words[1])
            let target = Scenario.Target.route(method: method, path: path)
            guard let contract else { return (target, nil) }
            guard let endpoint = contract.endpoints.first(where: { $0.method == method && $0.path.text == path }) else {
                let hint = EditDistance.didYouMean(EditDistance.closest(to: "\(method) \(path)", among: contract.endpoints.map(\.route)))
                reader.error("no endpoint \(method) \(ValidationIssue.bounded(path)) in the contract\(hint)", at: routeNode, at)
                return (target, nil)
            }
            return (target, endpoint)
        }
    }

    /// One value of a `path`, `query` or `headers` object, with where it is written.
    struct LocatedField {
        var field: Scenario.Field
        var keyIndex: Int
        var valueIndex: Int
        var pointer: JSONPointer
    }

    /// An object of names to scalar values; in `query`, an array of them repeats the parameter.
    mutating func fields(_ members: Members, _ key: String, _ pointer: JSONPointer) -> [LocatedField] {
        guard let container = members.first(where: { $0.key == key }) else { return [] }
        let base = pointer.appending(key)
        guard let entries = reader.object(container.valueIndex, base) else { return [] }
        var result: [LocatedField] = []
        for entry in entries {
            let at = base.appending(entry.key)
            let values = document.kind(entry.valueIndex) == .array && key == "query"
                ? document.elements(entry.valueIndex).enumerated().map { ($0.element, at.appending($0.offset)) }
                : [(entry.valueIndex, at)]
            for (valueIndex, valuePointer) in values {
                guard let text = scalarText(valueIndex, valuePointer) else { continue }
                result.append(LocatedField(field: Scenario.Field(name: entry.key, value: TemplateString(text)),
                                           keyIndex: entry.keyIndex, valueIndex: valueIndex, pointer: valuePointer))
            }
        }
        return result
    }

    mutating func readExpectation(_ members: Members, node: Int, _ pointer: JSONPointer) -> Scenario.Expectation {
        guard let expectNode = reader.member(members, "expect", of: node, pointer, required: false) else { return .init() }
        let base = pointer.appending("expect")
        guard let expect = reader.object(expectNode, base, allowed: Self.expectKeys) else { return .init() }
        var statuses: [Int] = []
        if let statusNode = expect.first(where: { $0.key == "status" })?.valueIndex {
            let nodes = document.kind(statusNode) == .array
                ? document.elements(statusNode).enumerated().map { ($0.element, base.appending("status").appending($0.offset)) }
                : [(statusNode, base.appending("status"))]
            for (statusIndex, statusPointer) in nodes {
                guard document.kind(statusIndex) == .number, let code = Int(document.numberLiteral(statusIndex)), (100...599).contains(code) else {
                    reader.error("expected a status code from 100 to 599, found \(reader.kindName(statusIndex))", at: statusIndex, statusPointer)
                    continue
                }
                statuses.append(code)
            }
        }
        var values: [Scenario.ValueExpectation] = []
        if let bodyNode = expect.first(where: { $0.key == "body" })?.valueIndex,
           let entries = reader.object(bodyNode, base.appending("body")) {
            for entry in entries {
                let at = base.appending("body").appending(entry.key)
                guard let target = JSONPointer(parsing: entry.key) else {
                    reader.error("\"\(ValidationIssue.bounded(entry.key))\" is not a JSON Pointer (RFC 6901): it must be empty or start with /", at: entry.keyIndex, at)
                    continue
                }
                checkReferences(inValue: entry.valueIndex, at)
                values.append(Scenario.ValueExpectation(pointer: target, value: document.value(at: entry.valueIndex)))
            }
        }
        return Scenario.Expectation(statuses: statuses, values: values)
    }

    mutating func readCaptures(_ members: Members, _ pointer: JSONPointer) -> [Scenario.Capture] {
        guard let node = members.first(where: { $0.key == "capture" })?.valueIndex,
              let entries = reader.object(node, pointer.appending("capture")) else { return [] }
        var captures: [Scenario.Capture] = []
        for entry in entries {
            let at = pointer.appending("capture").appending(entry.key)
            guard TemplateString.isName(entry.key), !entry.key.hasPrefix("$") else {
                reader.error("capture name \"\(ValidationIssue.bounded(entry.key))\" must be letters, digits, _, . or -", at: entry.keyIndex, at)
                continue
            }
            guard !ScenarioLoader.builtinReferences.contains(entry.key) else {
                reader.error("\(entry.key) is a built-in reference and cannot be captured", at: entry.keyIndex, at)
                continue
            }
            guard let text = reader.string(entry.valueIndex, at) else { continue }
            guard let target = JSONPointer(parsing: text) else {
                reader.error("\"\(ValidationIssue.bounded(text))\" is not a JSON Pointer (RFC 6901): it must be empty or start with /", at: entry.valueIndex, at)
                continue
            }
            captures.append(Scenario.Capture(name: entry.key, pointer: target))
        }
        // Captures become visible to later steps only, so a step cannot use its own.
        captured.formUnion(captures.map(\.name))
        return captures
    }

    /// Reports each reference that is neither a built-in, nor captured by an earlier step, nor a run reference
    /// (`policyLocator`: a locator of that kind the run knows, from `--start`, discovery or `--var`).
    mutating func checkReferences(_ template: TemplateString, at node: Int, _ pointer: JSONPointer) {
        for name in template.references where !ScenarioLoader.builtinReferences.contains(name) && !captured.contains(name)
            && !ScenarioLoader.isRunReference(name) {
            let known = Array(captured.union(ScenarioLoader.builtinReferences)).sorted()
            let hint = EditDistance.didYouMean(EditDistance.closest(to: name, among: known))
            reader.error("{{\(name)}} is not captured by an earlier step\(hint)", at: node, pointer)
        }
    }

    /// Checks the references in every string of a JSON value.
    mutating func checkReferences(inValue node: Int, _ pointer: JSONPointer) {
        switch document.kind(node) {
        case .string: checkReferences(TemplateString(document.string(node)), at: node, pointer)
        case .array:
            for (offset, element) in document.elements(node).enumerated() { checkReferences(inValue: element, pointer.appending(offset)) }
        case .object:
            for entry in document.members(node) { checkReferences(inValue: entry.valueIndex, pointer.appending(entry.key)) }
        default: break
        }
    }
}

extension ScenarioFileReader {
    /// A string, number or boolean as parameter text.
    mutating func scalarText(_ node: Int, _ pointer: JSONPointer) -> String? {
        switch document.kind(node) {
        case .string: return document.string(node)
        case .number: return document.numberLiteral(node)
        case .true: return "true"
        case .false: return "false"
        default:
            reader.error("expected a string, number or boolean, found \(reader.kindName(node))", at: node, pointer)
            return nil
        }
    }
}

private extension String {
    func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
