import SuretyConformance
import SuretyHTTPCore
import SuretySchemas

/// Adds latency and seeded failures in front of a responder, per endpoint, as a ``FaultPlan`` says.
///
/// Failures answer the plan's 5xx in the error shape without calling the inner responder. The chance is drawn from
/// a seeded sequence, so a run with the same seed and the same order of requests fails the same requests.
public struct FaultInjector<Inner: ContextResponder>: ContextResponder {
    /// The wrapped responder.
    public let inner: Inner
    /// The faults.
    public let plan: FaultPlan
    private let random: Locked<SeededRandom>

    /// Wraps `inner`.
    public init(inner: Inner, plan: FaultPlan, seed: UInt64) {
        self.inner = inner
        self.plan = plan
        self.random = Locked(SeededRandom(seed: seed, key: "faults"))
    }

    /// Waits the planned latency, then fails by the planned chance or asks the inner responder.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        let endpointID = context.endpointID
        let fault = plan.fault(for: endpointID)
        let (delay, fails) = random.draw(latency: fault.latency, failRate: fault.failRate)
        if delay > 0 { try? await Task.sleep(for: .milliseconds(delay)) }
        if fails {
            return Problem(status: HTTPStatus(code: fault.failStatus), title: "Injected fault",
                           detail: "Failed on purpose (fail rate \(fault.failRate)\(endpointID.map { " for \($0)" } ?? "")).").response
        }
        return await inner.respond(to: request, context: context)
    }
}
