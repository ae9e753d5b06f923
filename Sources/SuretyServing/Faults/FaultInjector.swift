import SuretyConformance
import SuretyHTTPCore
import SuretySchemas

/// Adds latency and seeded failures in front of a responder, per endpoint, as a ``FaultPlan`` says.
///
/// Failures answer the plan's 5xx in the error shape without calling the inner responder. The chance is drawn from
/// a seeded sequence, so a run with the same seed and the same order of requests fails the same requests.
public struct FaultInjector<Inner: Responder>: RoutedResponder {
    /// The wrapped responder.
    public let inner: Inner
    /// The faults.
    public let plan: FaultPlan
    /// Finds each request's endpoint.
    public let checker: ExchangeChecker
    private let random: Locked<SeededRandom>
    private let next: InnerResponder<Inner>

    /// Wraps `inner`.
    public init(inner: Inner, plan: FaultPlan, checker: ExchangeChecker, seed: UInt64) {
        self.inner = inner
        self.plan = plan
        self.checker = checker
        self.random = Locked(SeededRandom(seed: seed, key: "faults"))
        next = InnerResponder(inner)
    }

    /// Waits the planned latency, then fails by the planned chance or asks the inner responder.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        await respond(to: request, routing: checker.route(request))
    }

    /// The same as ``respond(to:)`` for a request already routed; the routing is passed on to the inner responder.
    public func respond(to request: HTTPRequest, routing: Routing) async -> HTTPResponse {
        var endpointID: String?
        if case .routed(let routed) = routing { endpointID = routed.endpoint.id }
        let fault = plan.fault(for: endpointID)
        let (delay, fails) = random.draw(latency: fault.latency, failRate: fault.failRate)
        if delay > 0 { try? await Task.sleep(for: .milliseconds(delay)) }
        if fails {
            return Problem(status: HTTPStatus(code: fault.failStatus), title: "Injected fault",
                           detail: "Failed on purpose (fail rate \(fault.failRate)\(endpointID.map { " for \($0)" } ?? "")).").response
        }
        return await next.respond(to: request, routing: routing)
    }
}
