import SuretyConformance
import SuretyJSON
import SuretySchemas

/// Puts the request's path parameters into the response's matching properties, so that fetching
/// `/transactions/01H…` answers a transaction whose `locator` is `01H…`, and listing
/// `/policies/01H…/issuedTransactions/list` answers transactions whose `policyLocator` is `01H…`.
///
/// A parameter named like a property (`accountLocator`) fills that property. The ambiguous `{locator}` fills
/// `locator` only when it ends the path (the resource itself), and `<resource>Locator` after the literal segment
/// naming the resource (`policies/{locator}` → `policyLocator`). It looks at the top-level object and, for lists, at
/// each item. A value is echoed only where it is valid for the property's type, so echoing never breaks a response.
struct LocatorEcho {
    let schemas: SchemaSet
    /// Property name → value, sorted by property name.
    let echoes: [(property: String, value: String)]

    init(routed: RoutedRequest, schemas: SchemaSet) {
        self.schemas = schemas
        var echoes: [String: String] = [:]
        let segments = routed.endpoint.path.segments
        for (index, segment) in segments.enumerated() {
            guard case .parameter(let name) = segment, let value = routed.pathParameters[name] else { continue }
            guard name == "locator" else {
                echoes[name] = value
                continue
            }
            if index == segments.count - 1 { echoes["locator"] = value }
            if index > 0, case .literal(let resource) = segments[index - 1] {
                echoes[RequestFactory.singular(resource) + "Locator"] = value
            }
        }
        self.echoes = echoes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The body with the echoes put in; `intoOptional` also fills optional properties the body left out (a list's
    /// items carry the reference the list is about).
    func apply(to body: JSONValue, type: TypeRef, intoOptional: Bool = false) -> JSONValue {
        guard !echoes.isEmpty else { return body }
        switch (body, type.unwrapped) {
        case (.array(let items), .array(let element)):
            return .array(items.map { apply(to: $0, type: element, intoOptional: intoOptional) })
        case (.object, .named(let name)):
            guard let schema = schemas[name] else { return body }
            var echoed = body
            for (name, value) in echoes {
                guard let property = schema.property(named: name), body[name] != nil || property.isRequired || intoOptional,
                      Self.accepts(value, as: property.type.unwrapped) else { continue }
                echoed = echoed.setting(.string(value), at: JSONPointer(tokens: [name]))
            }
            return echoed
        default:
            return body
        }
    }

    /// Whether a path parameter's text is a valid value of a property's type.
    static func accepts(_ text: String, as type: TypeRef) -> Bool {
        switch type {
        case .primitive(let primitive):
            return [.string, .uuid, .ulid, .locator, .datetime].contains(primitive) && Formats.matches(text, primitive)
        case .enumeration(let values):
            return values.contains(text)
        default:
            return false
        }
    }
}
