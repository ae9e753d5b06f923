import SuretyConformance
import SuretyHTTPCore

/// Answers from the pinned stubs, after each stub's delay, and passes every other request to the mode's responder;
/// it sits inside the contract validation, so a stub's answers are checked like any other. Over a synchronous mode it
/// keeps the synchronous path, but for a stub that waits, which goes down the asynchronous one.
public struct StubResponder<Inner: Responder>: RoutedResponder {
    /// The stubs it answers from.
    public let board: StubBoard
    /// The mode's responder.
    public let inner: Inner
    private let next: InnerResponder<Inner>

    /// Answers from `board` before `inner`.
    public init(board: StubBoard, inner: Inner) {
        self.board = board
        self.inner = inner
        next = InnerResponder(inner)
    }


    /// A pinned stub's answer, or the inner responder's.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        if let stub = board.take(request) { return await answer(stub) }
        return await inner.respond(to: request)
    }

    /// The same as ``respond(to:)``, passing the routing on.
    public func respond(to request: HTTPRequest, routing: Routing) async -> HTTPResponse {
        if let stub = board.take(request) { return await answer(stub) }
        return await next.respond(to: request, routing: routing)
    }

    private func answer(_ stub: Stub) async -> HTTPResponse {
        if stub.delay > .zero { try? await Task.sleep(for: stub.delay) }
        return stub.response
    }
}

extension StubResponder: SynchronousResponder, SynchronousRoutedResponder where Inner: SynchronousResponder {
    /// Inline, unless a stub that waits would answer it.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool {
        if let stub = board.peek(request) { return stub.delay == .zero }
        return inner.answersSynchronously(request)
    }

    /// The same as ``respond(to:)`` without suspending (a waiting stub never comes here).
    public func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        board.take(request)?.response ?? inner.respondSynchronously(to: request)
    }

    /// The same as ``respond(to:routing:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest, routing: Routing) -> HTTPResponse {
        board.take(request)?.response ?? next.respondSynchronously(to: request, routing: routing)
    }
}
