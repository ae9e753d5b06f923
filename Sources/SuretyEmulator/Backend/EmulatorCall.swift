import SuretyContracts
import SuretyHTTPCore
import SuretyJSON

/// One routed request as a handler sees it: the endpoint, its path and query values and the parsed body.
public struct EmulatorCall: Sendable {
    /// The endpoint.
    public var endpoint: Endpoint
    /// Path parameters by name.
    public var pathParameters: [String: String]
    /// Query pairs in order.
    public var queryItems: [HTTPQueryItem]
    /// The body, parsed; nil when there is none.
    public var body: JSONValue?

    /// A path parameter (always present once routed).
    public func path(_ name: String) -> String { pathParameters[name] ?? "" }

    /// The last value of a query parameter.
    public func query(_ name: String) -> String? { queryItems.last { $0.name == name }?.value }

    /// A boolean query parameter; `default` when absent or not `true`/`false`.
    public func flag(_ name: String, default value: Bool = false) -> Bool {
        switch query(name) {
        case "true": return true
        case "false": return false
        default: return value
        }
    }

    /// The body, or 400 when there is none.
    public func requireBody() throws(EmulatorError) -> JSONValue {
        guard let body else { throw .invalidBody(pointer: .root, reason: "expected a JSON body") }
        return body
    }

    /// A list answer: the page `{listCompleted, items}` when `extended=true`, else the bare array; `offset` and
    /// `count` select the items (``EmulatorOptions/defaultListCount`` when absent, at most ``EmulatorOptions/maxListCount``).
    public func list(_ items: [JSONValue], options: EmulatorOptions) -> JSONValue {
        let offset = max(0, query("offset").flatMap(Int.init) ?? 0)
        let count = min(max(0, query("count").flatMap(Int.init) ?? options.defaultListCount), options.maxListCount)
        let start = min(offset, items.count)
        let end = min(start + count, items.count)
        let page = Array(items[start..<end])
        guard flag("extended") else { return .array(page) }
        return .object(["listCompleted": .bool(end == items.count), "items": .array(page)])
    }
}

/// What a handler answers: a JSON body, and whether the store it changed is kept.
public struct EmulatorReply: Sendable {
    /// The body.
    public var body: JSONValue
    /// True for `stateless` previews: the changes are discarded.
    public var discardChanges: Bool

    /// A reply whose changes are kept.
    public init(_ body: JSONValue, discardChanges: Bool = false) {
        self.body = body
        self.discardChanges = discardChanges
    }
}

/// A business-rule handler for one endpoint.
public typealias EmulatorHandler = @Sendable (inout TenantStore, inout OperationContext, EmulatorCall) throws(EmulatorError) -> EmulatorReply
