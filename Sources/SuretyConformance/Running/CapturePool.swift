import SuretyContracts
import SuretyJSON

/// Locators seen in earlier responses, by name, so later probes ask for things the backend has.
///
/// From each successful JSON response (its root object, the first element of an array, or the first of a page's
/// `items`) every string member whose name ends in `Locator` is kept under its name, and `locator` under the
/// entity the path names (`…/segment` → `segmentLocator`). The first value seen for a name is kept, so the pool is
/// deterministic.
struct CapturePool: Sendable {
    private(set) var values: [String: String] = [:]

    func value(for name: String) -> String? { values[name] }

    mutating func set(_ name: String, _ value: String) {
        if values[name] == nil { values[name] = value }
    }

    mutating func learn(from body: JSONValue, endpoint: Endpoint) {
        guard let root = Self.firstObject(body) else { return }
        for member in root {
            guard case .string(let text) = member.value else { continue }
            if member.key.hasSuffix("Locator") {
                set(member.key, text)
            } else if member.key == "locator", let entity = Self.entity(of: endpoint) {
                set(entity + "Locator", text)
            }
        }
    }

    static func firstObject(_ value: JSONValue) -> [JSONMember]? {
        switch value {
        case .object(let members):
            if case .array(let items)? = value["items"], let first = items.first { return firstObject(first) }
            return members
        case .array(let elements): return elements.first.flatMap(firstObject)
        default: return nil
        }
    }

    /// The entity an endpoint answers: the last literal segment before any trailing `list`, singular; nil when the
    /// path ends in a parameter (the locator is then the one that was asked for).
    static func entity(of endpoint: Endpoint) -> String? {
        var segments = endpoint.path.segments
        if segments.last == .literal("list") { segments.removeLast() }
        guard case .literal(let word)? = segments.last else { return nil }
        return RequestFactory.singular(word)
    }
}
