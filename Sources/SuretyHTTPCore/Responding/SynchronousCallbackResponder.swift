/// A synchronous responder built from a non-suspending closure; the transport calls it on its event loop.
public struct SynchronousCallbackResponder: SynchronousResponder {
    private let callback: @Sendable (HTTPRequest) -> HTTPResponse

    /// Creates a responder that answers with `callback`, which must not block.
    public init(_ callback: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.callback = callback
    }

    /// Returns the closure's response.
    public func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        callback(request)
    }
}
