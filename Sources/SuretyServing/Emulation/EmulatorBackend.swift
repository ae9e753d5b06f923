import SuretyConformance
import SuretyEmulator
import SuretyHTTPCore

/// The emulator for the endpoints it implements and the mock for the rest, behind the emulator's tokens: the one
/// backend that `surety serve --emulate`, `surety check` in-process and SuretyTesting put behind contract validation.
public enum EmulatorBackend {
    /// The emulator for the endpoints it implements, the mock for the rest, so every endpoint answers; the mock's
    /// endpoints take the emulator's tokens too (401/403), as a real backend's would.
    public static func make(_ emulator: EmulatedBackend, checker: ExchangeChecker, mock: MockResponder) -> some SynchronousResponder {
        EndpointSplitResponder(primary: emulator, endpoints: emulator.implementedEndpointIDs,
                               fallback: TokenGuard(emulator: emulator, inner: mock), checker: checker)
    }

    /// Answers the emulator's 401 or 403 before the inner responder sees a request the tokens do not allow.
    public struct TokenGuard<Inner: SynchronousResponder>: SynchronousResponder {
        /// The emulator whose tokens decide.
        public let emulator: EmulatedBackend
        /// The responder asked when the tokens allow the request.
        public let inner: Inner

        /// Guards `inner` with the emulator's tokens.
        public init(emulator: EmulatedBackend, inner: Inner) {
            self.emulator = emulator
            self.inner = inner
        }

        /// The emulator's refusal, else the inner responder's answer.
        public func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
            emulator.refusal(of: request) ?? inner.respondSynchronously(to: request)
        }
    }
}
