/// A responder that answers without suspending, which the transport calls inline on its event-loop thread.
///
/// This is the fast path for throughput: a mock answering from memory skips the task creation and
/// the two thread hops an `async` call costs. Conform only when the answer never waits on I/O, a
/// lock held by slow work, or another task: a blocking call here stalls every connection on that
/// event loop. `respond(to:)` is provided and calls ``respondSynchronously(to:)``.
public protocol SynchronousResponder: Responder {
    /// Returns the response to `request` without suspending or blocking.
    func respondSynchronously(to request: HTTPRequest) -> HTTPResponse

    /// Whether this request can be answered inline; false sends it down the asynchronous path (a pinned stub that
    /// waits before answering). Layers that wrap another pass the question on.
    func answersSynchronously(_ request: HTTPRequest) -> Bool
}

extension SynchronousResponder {
    /// Every request, unless a conformer says otherwise.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool { true }

    /// Answers through ``respondSynchronously(to:)``.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        respondSynchronously(to: request)
    }
}
