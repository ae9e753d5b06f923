import SuretyHTTPCore
import SuretyJSON

/// What a serve stack learns about a request once, at its top, and hands to every layer below: the routing, the
/// parsed body, and when the request arrived.
///
/// The top of the stack (``StackEntry``) routes the request and creates the context; the validation writes the body
/// it parsed into it, so the mode behind it (the emulator) never parses the same bytes again. A layer that changes
/// what the layers below see passes on a changed copy.
public struct RequestContext: Sendable {
    /// The request's routing by the contract; an admin request (`/__surety/…`), which the contract does not describe,
    /// is `.notFound` with no nearest routes.
    public var routing: Routing
    /// The request body parsed as JSON, once a layer has parsed it (the validation does, when the endpoint takes a
    /// body); nil before that, or when the body is empty or is not JSON.
    public var body: JSONDocument?
    /// When the stack received the request (monotonic nanoseconds), when a layer asked for it (the request log); 0
    /// otherwise.
    public var receivedAt: UInt64

    /// Creates a context.
    public init(routing: Routing, body: JSONDocument? = nil, receivedAt: UInt64 = 0) {
        self.routing = routing
        self.body = body
        self.receivedAt = receivedAt
    }

    /// The same context with the request body parsed.
    public func with(body: JSONDocument?) -> RequestContext {
        var context = self
        context.body = body
        return context
    }

    /// The id of the endpoint the request routed to, when it routed.
    public var endpointID: String? {
        guard case .routed(let routed) = routing else { return nil }
        return routed.endpoint.id
    }

    /// The routed request, when the contract has the endpoint.
    public var routed: RoutedRequest? {
        if case .routed(let routed) = routing { return routed }
        return nil
    }
}
