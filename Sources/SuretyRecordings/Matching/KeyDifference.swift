import SuretyJSON
import SuretySchemas

/// One way a recording's key differs from a request's: what a near-miss report lists and a recording diff pairs on.
public enum KeyDifference: Sendable, Hashable, CustomStringConvertible {
    /// Another method.
    case method(recorded: String, requested: String)
    /// Another endpoint (or, unrouted, another path).
    case route(recorded: String, requested: String)
    /// A path parameter with another value.
    case pathParameter(name: String, recorded: String?, requested: String?)
    /// A query parameter with other values (each list sorted; empty when absent; nil for a name without `=`).
    case queryParameter(name: String, recorded: [String?], requested: [String?])
    /// A matched header with other values.
    case header(name: String, recorded: [String?], requested: [String?])
    /// A JSON body value that differs, is missing (recorded nil) or extra (requested nil).
    case body(pointer: JSONPointer, recorded: JSONValue?, requested: JSONValue?)
    /// Bodies of different kinds (`json`, `text`, `binary`, `none`) or different non-JSON bodies.
    case bodyKind(recorded: String, requested: String)

    /// `query count: recorded 10, requested 20`, values bounded in length.
    public var description: String {
        switch self {
        case .method(let recorded, let requested): return "method: recorded \(recorded), requested \(Self.bounded(requested))"
        case .route(let recorded, let requested): return "endpoint: recorded \(recorded), requested \(Self.bounded(requested))"
        case .pathParameter(let name, let recorded, let requested):
            return "path \(name): recorded \(Self.show(recorded)), requested \(Self.show(requested))"
        case .queryParameter(let name, let recorded, let requested):
            return "query \(Self.bounded(name)): recorded \(Self.show(recorded)), requested \(Self.show(requested))"
        case .header(let name, let recorded, let requested):
            return "header \(name): recorded \(Self.show(recorded)), requested \(Self.show(requested))"
        case .body(let pointer, let recorded, let requested):
            let at = pointer.tokens.isEmpty ? "" : " \(Self.bounded(pointer.description))"
            return "body\(at): recorded \(Self.show(recorded)), requested \(Self.show(requested))"
        case .bodyKind(let recorded, let requested): return "body: recorded \(recorded), requested \(requested)"
        }
    }

    /// The difference as JSON, for the `nearMisses` member of a 404.
    public var jsonValue: JSONValue {
        func values(_ list: [String?]) -> JSONValue { .array(list.map { $0.map { .string(Self.bounded($0)) } ?? .null }) }
        func value(_ text: String?) -> JSONValue { text.map { .string(Self.bounded($0)) } ?? .null }
        switch self {
        case .method(let recorded, let requested): return .object(["in": "method", "recorded": value(recorded), "requested": value(requested)])
        case .route(let recorded, let requested): return .object(["in": "endpoint", "recorded": value(recorded), "requested": value(requested)])
        case .pathParameter(let name, let recorded, let requested):
            return .object(["in": "path", "name": .string(name), "recorded": value(recorded), "requested": value(requested)])
        case .queryParameter(let name, let recorded, let requested):
            return .object(["in": "query", "name": value(name), "recorded": values(recorded), "requested": values(requested)])
        case .header(let name, let recorded, let requested):
            return .object(["in": "header", "name": .string(name), "recorded": values(recorded), "requested": values(requested)])
        case .body(let pointer, let recorded, let requested):
            return .object(["in": "body", "pointer": value(pointer.description), "recorded": value(recorded.map(Self.preview)),
                            "requested": value(requested.map(Self.preview))])
        case .bodyKind(let recorded, let requested): return .object(["in": "body", "recorded": value(recorded), "requested": value(requested)])
        }
    }

    /// The most characters of a value a difference shows; longer ones are cut with `…`.
    public static let maxShownValueCharacters = 60

    private static func bounded(_ text: String) -> String { ValidationIssue.bounded(text, limit: maxShownValueCharacters) }
    private static func show(_ value: String?) -> String { value.map { bounded($0) } ?? "absent" }
    private static func show(_ value: JSONValue?) -> String { value.map(preview) ?? "absent" }

    /// The value written compactly and cut to ``maxShownValueCharacters``, writing no more of it than that: a
    /// 16 MiB value costs as much as a short one.
    static func preview(_ value: JSONValue) -> String {
        var text = ""
        append(value, to: &text)
        return bounded(text)
    }

    private static func append(_ value: JSONValue, to text: inout String) {
        guard text.utf8.count <= maxShownValueCharacters else { return }
        let writer = JSONWriter(style: .compact)
        switch value {
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                guard text.utf8.count <= maxShownValueCharacters else { return }
                if index > 0 { text += "," }
                append(item, to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                guard text.utf8.count <= maxShownValueCharacters else { return }
                if index > 0 { text += "," }
                append(.string(member.key), to: &text)
                text += ":"
                append(member.value, to: &text)
            }
            text += "}"
        case .string(let string):
            text += writer.string(.string(String(string.prefix(maxShownValueCharacters + 1))))
        default:
            text += writer.string(value)
        }
    }
    private static func show(_ values: [String?]) -> String {
        values.isEmpty ? "absent" : values.map { $0.map { bounded($0) } ?? "(no value)" }.joined(separator: ", ")
    }
}
