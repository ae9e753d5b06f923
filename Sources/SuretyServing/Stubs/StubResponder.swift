import SuretyConformance
import SuretyHTTPCore

/// Answers from the pinned stubs, after each stub's delay, and passes every other request to the mode's responder;
/// it sits inside the contract validation, so a stub's answers are checked like any other. Over a synchronous mode it
/// keeps the synchronous path, but for a stub that waits, which goes down the asynchronous one.
public struct StubResponder<Inner: ContextResponder>: ContextResponder {
    /// The stubs it answers from.
    public let board: StubBoard
    /// The mode's responder.
    public let inner: Inner

    /// Answers from `board` before `inner`.
    public init(board: StubBoard, inner: Inner) {
        self.board = board
        self.inner = inner
    }

    /// A pinned stub's answer, after its delay, or the inner responder's.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        guard let stub = board.take(request) else { return await inner.respond(to: request, context: context) }
        if stub.delay > .zero { try? await Task.sleep(for: stub.delay) }
        return stub.response
    }
}

extension StubResponder: SynchronousContextResponder where Inner: SynchronousContextResponder {
    /// Inline, unless a stub that waits would answer it.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool {
        if let stub = board.peek(request) { return stub.delay == .zero }
        return inner.answersSynchronously(request)
    }

    /// The same as ``respond(to:context:)`` without suspending (a waiting stub never comes here).
    public func respondSynchronously(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        board.take(request)?.response ?? inner.respondSynchronously(to: request, context: context)
    }
}
