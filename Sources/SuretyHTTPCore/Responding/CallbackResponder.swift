/// A responder built from an `async` closure, for tests and small adapters.
public struct CallbackResponder: Responder {
    private let callback: @Sendable (HTTPRequest) async -> HTTPResponse

    /// Creates a responder that answers with `callback`.
    public init(_ callback: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) {
        self.callback = callback
    }

    /// Returns the closure's response.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        await callback(request)
    }
}
