import SuretyHTTPCore

/// A responder that can be handed the routing a layer above it already found, so that a serve stack routes each
/// request once instead of once per layer (the log, the faults, the validation and the mock each needed it).
///
/// Its plain ``Responder/respond(to:)`` still works on its own: it routes and then answers as if handed the routing.
public protocol RoutedResponder: Responder {
    /// Answers a request whose routing is already known.
    func respond(to request: HTTPRequest, routing: Routing) async -> HTTPResponse
}

/// A ``RoutedResponder`` that never waits, so the transport can call it on its event-loop thread.
public protocol SynchronousRoutedResponder: RoutedResponder, SynchronousResponder {
    /// Answers a request whose routing is already known, without suspending.
    func respondSynchronously(to request: HTTPRequest, routing: Routing) -> HTTPResponse
}

extension SynchronousRoutedResponder {
    /// The same as ``respondSynchronously(to:routing:)``.
    public func respond(to request: HTTPRequest, routing: Routing) async -> HTTPResponse {
        respondSynchronously(to: request, routing: routing)
    }
}

/// The layer below a stack layer, seen through the most capable protocol it has: the routing found above is passed
/// on when the inner responder takes it, and dropped (the inner one routes for itself) when it does not.
///
/// The casts happen once, here, rather than on every request.
public struct InnerResponder<Inner: Responder>: Sendable {
    /// The wrapped responder.
    public let base: Inner
    private let routed: (any RoutedResponder)?
    private let synchronousRouted: (any SynchronousRoutedResponder)?

    /// Looks at what `base` can take.
    public init(_ base: Inner) {
        self.base = base
        routed = base as? any RoutedResponder
        synchronousRouted = base as? any SynchronousRoutedResponder
    }

    /// Answers through `base`, handing it `routing` when it takes one.
    public func respond(to request: HTTPRequest, routing: Routing) async -> HTTPResponse {
        if let routed { return await routed.respond(to: request, routing: routing) }
        return await base.respond(to: request)
    }
}

extension InnerResponder where Inner: SynchronousResponder {
    /// Answers through `base` without suspending, handing it `routing` when it takes one.
    public func respondSynchronously(to request: HTTPRequest, routing: Routing) -> HTTPResponse {
        if let synchronousRouted { return synchronousRouted.respondSynchronously(to: request, routing: routing) }
        return base.respondSynchronously(to: request)
    }
}
