import SuretyHTTPCore

/// A layer of a serve stack, or the mode at its bottom: answers a request with the ``RequestContext`` the top of the
/// stack built, so nothing below the top routes or parses the request again.
///
/// A layer has one asynchronous entry (this one) and, when it never waits, one synchronous entry
/// (``SynchronousContextResponder``); ``StackEntry`` turns the whole stack into a plain ``Responder``.
public protocol ContextResponder: Sendable {
    /// Returns the response to `request`, whose routing and parsed body `context` carries.
    func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse
}

/// A ``ContextResponder`` that never waits, so the transport can call the stack on its event-loop thread.
///
/// The same promise as ``SynchronousResponder``: conform only when the answer never waits on I/O, a lock held by slow
/// work, or another task.
public protocol SynchronousContextResponder: ContextResponder {
    /// Returns the response to `request` without suspending or blocking.
    func respondSynchronously(to request: HTTPRequest, context: RequestContext) -> HTTPResponse

    /// Whether this request can be answered inline; false sends it down the asynchronous path (a pinned stub that
    /// waits, a change a journaled emulator must write to disk). Layers that wrap another pass the question on.
    func answersSynchronously(_ request: HTTPRequest) -> Bool
}

extension SynchronousContextResponder {
    /// Every request, unless a conformer says otherwise.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool { true }

    /// Answers through ``respondSynchronously(to:context:)``.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        respondSynchronously(to: request, context: context)
    }
}
