import SuretyConformance
import SuretyEmulator
import SuretyHTTPCore

/// The emulator for the endpoints it implements and the mock for the rest, behind the emulator's tokens: the mode
/// that ``ServeStack`` puts behind contract validation for `surety serve --emulate`, `surety check` in-process and
/// SuretyTesting.
public enum EmulatorBackend {
    /// The emulator for the endpoints it implements, the mock for the rest, so every endpoint answers; the mock's
    /// endpoints take the emulator's tokens too (401/403), as a real backend's would.
    public static func make(_ emulator: EmulatedBackend, mock: MockResponder) -> some SynchronousContextResponder {
        EndpointSplitResponder(primary: emulator, endpoints: emulator.implementedEndpointIDs,
                               fallback: TokenGuard(emulator: emulator, inner: mock))
    }
}

/// Answers the emulator's 401 or 403 before the inner responder sees a request the tokens do not allow, by the
/// endpoint the context routed it to.
public struct TokenGuard<Inner: SynchronousContextResponder>: SynchronousContextResponder {
    /// The emulator whose tokens decide.
    public let emulator: EmulatedBackend
    /// The responder asked when the tokens allow the request.
    public let inner: Inner

    /// Guards `inner` with the emulator's tokens.
    public init(emulator: EmulatedBackend, inner: Inner) {
        self.emulator = emulator
        self.inner = inner
    }

    /// Asks the layer below.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool { inner.answersSynchronously(request) }

    /// The emulator's refusal, else the inner responder's answer.
    public func respondSynchronously(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        if let routed = context.routed, let refusal = emulator.refusal(of: request, routed: routed) { return refusal }
        return inner.respondSynchronously(to: request, context: context)
    }
}
