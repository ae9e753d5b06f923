/// Anything that answers HTTP: mocks, replay, record, proxy, the emulator and validating wrappers.
///
/// Responders compose (a wrapper holds an inner responder) and can be called in-process with no
/// socket. A responder answers every request; failures become error responses, never thrown errors.
public protocol Responder: Sendable {
    /// Returns the response to `request`.
    func respond(to request: HTTPRequest) async -> HTTPResponse
}
