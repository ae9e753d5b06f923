import SuretyHTTPCore

/// A plain ``Responder`` (an upstream client, a recorder, a closure) as the mode of a serve stack: it is handed the
/// request alone and ignores the context.
public struct ContextFree<Base: Responder>: ContextResponder {
    /// The wrapped responder.
    public let base: Base

    /// Wraps `base`.
    public init(_ base: Base) {
        self.base = base
    }

    /// The wrapped responder's answer.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        await base.respond(to: request)
    }
}

extension ContextFree: SynchronousContextResponder where Base: SynchronousResponder {
    /// Asks the wrapped responder.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool { base.answersSynchronously(request) }

    /// The wrapped responder's answer, without suspending.
    public func respondSynchronously(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        base.respondSynchronously(to: request)
    }
}

/// Makes any responder a stack's mode, keeping its synchronous path: a ``ContextResponder`` as it is, a plain one
/// wrapped in ``ContextFree``. The casts happen once, when the stack is assembled, never per request.
public enum StackMode {
    /// `responder` as a stack's mode; its dynamic type keeps ``SynchronousContextResponder`` when it never waits.
    public static func contextual(_ responder: any Responder) -> any ContextResponder {
        if let contextual = responder as? any ContextResponder { return contextual }
        if let synchronous = responder as? any SynchronousResponder { return wrapped(synchronous) }
        return wrapped(responder)
    }

    /// `responder` wrapped over its concrete type (passing an existential opens it), so the wrapper's synchronous
    /// conformance is found.
    private static func wrapped(_ responder: some Responder) -> any ContextResponder {
        ContextFree(responder)
    }
}
