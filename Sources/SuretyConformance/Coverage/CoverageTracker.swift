import SuretyContracts
import SuretyJSON
import SuretySchemas

/// Collects what responses show: statuses per endpoint, and, by walking each body with its type through the
/// schemas, which optional properties and enum values appear.
///
/// The walk follows named schemas, arrays, maps and optionals; for `oneOf` it takes the branch the validator
/// accepts. A value that does not fit its type is not walked further (the checker reports it).
public struct CoverageTracker: Sendable {
    let contract: Contract
    let validator: SchemaValidator
    private var statuses: [String: Set<Int>] = [:]
    private var documented: Set<String> = []
    private var properties: [String: Set<String>] = [:]
    private var enumValues: [String: Set<String>] = [:]
    private var schemasSeen: Set<String> = []

    /// Creates an empty tracker for a contract.
    public init(contract: Contract, validator: SchemaValidator? = nil) {
        self.contract = contract
        self.validator = validator ?? SchemaValidator(contract: contract)
    }

    /// Records that an endpoint answered a status, and whether the contract documents it.
    public mutating func record(endpointID: String, status: Int, documented isDocumented: Bool) {
        statuses[endpointID, default: []].insert(status)
        if isDocumented { documented.insert(endpointID) }
    }

    /// Walks a response body with the type it was judged against.
    public mutating func observe(_ value: JSONValue, as type: TypeRef) {
        walk(value, type, property: nil)
    }

    mutating func walk(_ value: JSONValue, _ type: TypeRef, property key: String?) {
        switch type {
        case .optional(let wrapped):
            if value != .null { walk(value, wrapped, property: key) }
        case .named(let name):
            guard let schema = contract.schemas[name], case .object = value else { return }
            schemasSeen.insert(name)
            for property in schema.properties {
                guard let member = value[property.name], member != .null else { continue }
                if !property.isRequired { properties[name, default: []].insert(property.name) }
                walk(member, property.type, property: "\(name).\(property.name)")
            }
        case .array(let element):
            for item in value.arrayValue ?? [] { walk(item, element, property: key) }
        case .map(let element):
            for member in value.objectValue ?? [] { walk(member.value, element, property: key) }
        case .oneOf(let branches):
            guard let branch = branches.first(where: { branch in
                !validator.validate(value, against: branch).contains { $0.severity == .error }
            }) else { return }
            walk(value, branch, property: key)
        case .enumeration(let values):
            guard let key, case .string(let text) = value, values.contains(text) else { return }
            enumValues[key, default: []].insert(text)
        case .primitive, .unspecified, .empty:
            return
        }
    }

    /// The summary: every endpoint, and every schema and enum property reachable from a response type.
    public func coverage() -> Coverage {
        let endpoints = contract.endpoints.map { endpoint in
            Coverage.EndpointCoverage(id: endpoint.id, statuses: (statuses[endpoint.id] ?? []).sorted(),
                                      answeredDocumentedStatus: documented.contains(endpoint.id))
        }
        var schemas: [Coverage.SchemaCoverage] = []
        var enums: [Coverage.EnumCoverage] = []
        for name in reachableSchemas().sorted() {
            guard let schema = contract.schemas[name], !contract.undocumentedSchemas.contains(name) else { continue }
            let optional = schema.properties.filter { !$0.isRequired && !$0.isDeprecated }.map(\.name)
            if !optional.isEmpty {
                let seen = properties[name] ?? []
                schemas.append(Coverage.SchemaCoverage(name: name, optionalProperties: optional,
                                                       neverObserved: optional.filter { !seen.contains($0) },
                                                       observed: schemasSeen.contains(name)))
            }
            for property in schema.properties where !property.isDeprecated {
                let values = Self.enumerations(in: property.type).filter { !property.deprecatedValues.contains($0) }
                guard !values.isEmpty else { continue }
                let key = "\(name).\(property.name)"
                let seen = enumValues[key] ?? []
                enums.append(Coverage.EnumCoverage(key: key, values: values, neverObserved: values.filter { !seen.contains($0) }))
            }
        }
        return Coverage(endpoints: endpoints, schemas: schemas, enums: enums)
    }

    /// The schemas any response type reaches, through properties.
    func reachableSchemas() -> Set<String> {
        var seen: Set<String> = []
        var pending = contract.endpoints.flatMap { endpoint in
            endpoint.responses.flatMap(\.body.type.referencedNames) + (endpoint.list.map { $0.itemType.referencedNames } ?? [])
        }
        while let name = pending.popLast() {
            guard seen.insert(name).inserted, let schema = contract.schemas[name] else { continue }
            pending += schema.properties.flatMap(\.type.referencedNames)
        }
        return seen
    }

    /// The enum values a property type holds without crossing into another schema, in documented order.
    static func enumerations(in type: TypeRef) -> [String] {
        switch type {
        case .enumeration(let values): return values
        case .optional(let inner), .array(let inner), .map(let inner): return enumerations(in: inner)
        case .oneOf(let branches):
            var values: [String] = []
            for value in branches.flatMap(enumerations(in:)) where !values.contains(value) { values.append(value) }
            return values
        case .primitive, .named, .unspecified, .empty: return []
        }
    }
}
