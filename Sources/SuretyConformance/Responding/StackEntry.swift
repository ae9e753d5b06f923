import Dispatch
import SuretyHTTPCore

/// The top of a serve stack: routes each request once, builds its ``RequestContext`` and hands it to the layers
/// below, so that the stack is a plain ``Responder`` to the transport (and a ``SynchronousResponder`` when every
/// layer below has a synchronous entry).
public struct StackEntry<Root: ContextResponder>: Responder {
    /// The outermost layer.
    public let root: Root
    /// Routes requests.
    public let checker: ExchangeChecker
    /// Whether the context records when the request arrived (the request log's milliseconds).
    public let stampsArrival: Bool

    /// Tops `root`.
    public init(root: Root, checker: ExchangeChecker, stampsArrival: Bool = false) {
        self.root = root
        self.checker = checker
        self.stampsArrival = stampsArrival
    }

    /// The context of a request: its routing (an admin request, which the contract does not describe, is not routed:
    /// looking for the nearest routes of a path that has none cost milliseconds) and, when asked, its arrival.
    public func context(of request: HTTPRequest) -> RequestContext {
        // One expression, so the routing is moved into the context rather than copied.
        RequestContext(routing: SuretyRoutes.isAdmin(request) ? .notFound(nearest: []) : checker.route(request),
                       receivedAt: stampsArrival ? DispatchTime.now().uptimeNanoseconds : 0)
    }

    /// Routes the request and answers it through the stack.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        await root.respond(to: request, context: context(of: request))
    }
}

extension StackEntry: SynchronousResponder where Root: SynchronousContextResponder {
    /// Asks the stack.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool { root.answersSynchronously(request) }

    /// Routes the request and answers it through the stack without suspending.
    public func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        root.respondSynchronously(to: request, context: context(of: request))
    }
}
