import SuretyConformance
import SuretyJSON
import SuretySchemas

/// Puts the request's path parameters into the response's properties of the same name, so that fetching
/// `/transactions/01H…` answers a transaction whose `locator` is `01H…`.
///
/// It looks at the top-level object and, for lists, at each item (bare arrays and `items` of a page). A value is
/// echoed only where it is valid for the property's type, so echoing never makes a response invalid.
struct LocatorEcho {
    let routed: RoutedRequest
    let schemas: SchemaSet

    func apply(to body: JSONValue, type: TypeRef) -> JSONValue {
        guard !routed.pathParameters.isEmpty else { return body }
        switch (body, type.unwrapped) {
        case (.array(let items), .array(let element)):
            return .array(items.map { apply(to: $0, type: element) })
        case (.object, .named(let name)):
            guard let schema = schemas[name] else { return body }
            var echoed = body
            for (parameter, value) in routed.pathParameters.sorted(by: { $0.key < $1.key }) {
                guard let property = schema.property(named: parameter), body[parameter] != nil || property.isRequired,
                      Self.accepts(value, as: property.type.unwrapped) else { continue }
                echoed = echoed.setting(.string(value), at: JSONPointer(tokens: [parameter]))
            }
            if let items = schema.property(named: "items"), let list = echoed["items"] {
                echoed = echoed.setting(apply(to: list, type: items.type), at: "/items")
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
