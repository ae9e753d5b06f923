import SuretyConformance
import SuretyHTTPCore

/// Answers from the session's pinned stubs, after each stub's delay, and passes every other request to the mode's
/// responder; it sits inside the contract validation, so a stub's answers are checked like any other.
struct StubResponder: RoutedResponder {
    let board: StubBoard
    let inner: any Responder

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        if let stub = board.take(request) { return await answer(stub) }
        return await inner.respond(to: request)
    }

    func respond(to request: HTTPRequest, routing: Routing) async -> HTTPResponse {
        if let stub = board.take(request) { return await answer(stub) }
        if let routed = inner as? any RoutedResponder { return await routed.respond(to: request, routing: routing) }
        return await inner.respond(to: request)
    }

    private func answer(_ stub: Stub) async -> HTTPResponse {
        if stub.delay > .zero { try? await Task.sleep(for: stub.delay) }
        return stub.response
    }
}
