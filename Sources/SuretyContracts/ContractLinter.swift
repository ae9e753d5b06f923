import SuretyJSON
import SuretySchemas

/// Checks a loaded contract for problems that no single file shows: unknown type names, duplicate ids, path
/// parameters that do not match their template, duplicate enum values, unused schemas and ambiguous routes.
public struct ContractLinter: Sendable {
    /// Creates a linter.
    public init() {}

    /// Every problem, errors and warnings, in a stable order.
    public func lint(_ contract: Contract) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        checkTypes(contract, &findings)
        checkEndpoints(contract, &findings)
        checkUnusedSchemas(contract, &findings)
        checkAmbiguousRoutes(contract, &findings)
        return findings.sorted()
    }

    func diagnostic(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation?, _ pointer: JSONPointer? = nil) -> Diagnostic {
        Diagnostic(severity, file: location?.file ?? "contracts", position: location?.position, message: message, pointer: pointer)
    }

    func checkType(_ type: TypeRef, where place: String, at location: SourceLocation?, _ contract: Contract, _ findings: inout [Diagnostic],
                   allowBodyWords: Bool = false) {
        for name in type.referencedNames where contract.schemas[name] == nil {
            let hint = EditDistance.didYouMean(contract.schemas.suggestions(for: name))
            findings.append(diagnostic(.error, "unknown type \(name) in \(place)\(hint)", at: location))
        }
        for values in type.enumerations {
            var seen: Set<String> = []
            for value in values where !seen.insert(value).inserted {
                findings.append(diagnostic(.error, "duplicate enum value \"\(value)\" in \(place)", at: location))
            }
        }
        if !allowBodyWords && (type.contains(.unspecified) || type.contains(.empty)) {
            findings.append(diagnostic(.error, "\(place): unspecified and empty describe bodies, not properties or parameters", at: location))
        }
    }

    func checkTypes(_ contract: Contract, _ findings: inout [Diagnostic]) {
        for schema in contract.schemas.schemas {
            for property in schema.properties {
                checkType(property.type, where: "\(schema.name).\(property.name)", at: property.location, contract, &findings)
                for value in property.deprecatedValues where !property.type.enumerations.joined().contains(value) {
                    findings.append(diagnostic(.error, "\(schema.name).\(property.name) marks \"\(value)\" deprecated, but it is not one of its enum values",
                                               at: property.location))
                }
            }
        }
        for endpoint in contract.endpoints {
            for parameter in endpoint.parameters {
                checkType(parameter.type, where: "parameter \(parameter.name) of \(endpoint.id)", at: parameter.location, contract, &findings)
            }
            if let request = endpoint.request {
                checkType(request.type, where: "the request of \(endpoint.id)", at: request.location, contract, &findings, allowBodyWords: true)
            }
            for response in endpoint.responses {
                checkType(response.body.type, where: "the \(response.status) response of \(endpoint.id)", at: response.body.location,
                          contract, &findings, allowBodyWords: true)
            }
            if let list = endpoint.list {
                checkType(list.itemType, where: "the list items of \(endpoint.id)", at: endpoint.location, contract, &findings)
            }
        }
    }

    func checkEndpoints(_ contract: Contract, _ findings: inout [Diagnostic]) {
        var firstById: [String: Endpoint] = [:]
        var firstByRoute: [String: Endpoint] = [:]
        for endpoint in contract.endpoints {
            if let first = firstById[endpoint.id] {
                findings.append(diagnostic(.error, "duplicate endpoint id \(endpoint.id) (first at \(first.location?.description ?? "?"))", at: endpoint.location))
            } else {
                firstById[endpoint.id] = endpoint
            }
            if let first = firstByRoute[endpoint.route] {
                findings.append(diagnostic(.error, "duplicate route \(endpoint.route) (also \(first.id))", at: endpoint.location))
            } else {
                firstByRoute[endpoint.route] = endpoint
            }
            let templateNames = endpoint.path.parameterNames
            let declaredPath = endpoint.parameters(in: .path).map(\.name)
            for name in templateNames where !declaredPath.contains(name) {
                findings.append(diagnostic(.error, "path parameter {\(name)} of \(endpoint.id) is missing from its parameter list", at: endpoint.location))
            }
            for parameter in endpoint.parameters(in: .path) where !templateNames.contains(parameter.name) {
                findings.append(diagnostic(.error, "path parameter \(parameter.name) of \(endpoint.id) is not in the template \(endpoint.path)",
                                           at: parameter.location))
            }
            for parameter in endpoint.parameters(in: .path) where !parameter.isRequired {
                findings.append(diagnostic(.error, "path parameter \(parameter.name) of \(endpoint.id) must be required", at: parameter.location))
            }
            var seenParameters: Set<String> = []
            for parameter in endpoint.parameters where !seenParameters.insert("\(parameter.position.rawValue)/\(parameter.name)").inserted {
                findings.append(diagnostic(.error, "parameter \(parameter.name) of \(endpoint.id) is listed twice", at: parameter.location))
            }
            if endpoint.responses.isEmpty {
                findings.append(diagnostic(.error, "\(endpoint.id) documents no response", at: endpoint.location))
            }
            if let list = endpoint.list, list.extended, !endpoint.parameters(in: .query).contains(where: { $0.name == "extended" }) {
                findings.append(diagnostic(.error, "\(endpoint.id) is an extended list but has no extended query parameter", at: endpoint.location))
            }
        }
    }

    func checkUnusedSchemas(_ contract: Contract, _ findings: inout [Diagnostic]) {
        var used: Set<String> = []
        var pending: [String] = contract.endpoints.flatMap { endpoint -> [String] in
            var types = endpoint.parameters.map(\.type) + endpoint.responses.map(\.body.type)
            if let request = endpoint.request { types.append(request.type) }
            if let list = endpoint.list { types.append(list.itemType) }
            return types.flatMap(\.referencedNames)
        }
        while let name = pending.popLast() {
            guard used.insert(name).inserted, let schema = contract.schemas[name] else { continue }
            pending += schema.properties.flatMap(\.type.referencedNames)
        }
        for schema in contract.schemas.schemas where !used.contains(schema.name) {
            findings.append(diagnostic(.warning, "schema \(schema.name) is never used by an endpoint", at: schema.location))
        }
    }

    func checkAmbiguousRoutes(_ contract: Contract, _ findings: inout [Diagnostic]) {
        let router = contract.makeRouter()
        let endpoints = contract.endpoints
        for (i, first) in endpoints.enumerated() {
            for second in endpoints[(i + 1)...] where first.method == second.method && first.path != second.path {
                guard let witness = Self.overlap(first.path, second.path) else { continue }
                guard case .endpoint(let winner, _) = router.route(method: first.method, path: witness) else { continue }
                let loser = winner.id == first.id ? second : first
                findings.append(diagnostic(.warning,
                    "routes \(first.route) (\(first.id)) and \(second.path) (\(second.id)) both match \(witness); \(winner.id) wins (a literal segment beats a parameter, leftmost first)",
                    at: loser.location))
            }
        }
    }

    /// A concrete path both templates match, or nil when none exists.
    static func overlap(_ a: PathTemplate, _ b: PathTemplate) -> String? {
        guard a.segments.count == b.segments.count else { return nil }
        var witness: [String] = []
        for (left, right) in zip(a.segments, b.segments) {
            switch (left, right) {
            case (.literal(let x), .literal(let y)):
                guard x == y else { return nil }
                witness.append(x)
            case (.literal(let x), .parameter), (.parameter, .literal(let x)): witness.append(x)
            case (.parameter(let name), .parameter): witness.append("{\(name)}")
            }
        }
        return "/" + witness.joined(separator: "/")
    }
}

extension TypeRef {
    /// The value lists of every enum inside the type.
    var enumerations: [[String]] {
        switch self {
        case .enumeration(let values): return [values]
        case .array(let element), .map(let element), .optional(let element): return element.enumerations
        case .oneOf(let branches): return branches.flatMap(\.enumerations)
        case .primitive, .named, .unspecified, .empty: return []
        }
    }

    /// Whether `type` occurs anywhere inside this type.
    func contains(_ type: TypeRef) -> Bool {
        if self == type { return true }
        switch self {
        case .array(let element), .map(let element), .optional(let element): return element.contains(type)
        case .oneOf(let branches): return branches.contains { $0.contains(type) }
        default: return false
        }
    }
}
