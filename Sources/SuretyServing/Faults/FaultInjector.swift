import Foundation
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
    private let random: LockedRandom

    /// Wraps `inner`.
    public init(inner: Inner, plan: FaultPlan, seed: UInt64) {
        self.inner = inner
        self.plan = plan
        self.random = LockedRandom(seed: seed)
    }

    /// Waits the planned latency, then fails by the planned chance or asks the inner responder.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        let endpointID = context.routed?.endpoint.id
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

/// A seeded generator shared by all connections.
///
/// `@unchecked Sendable` is safe: `generator` is only touched inside `draw`, under the lock.
final class LockedRandom: @unchecked Sendable {
    private let lock = NSLock()
    private var generator: SeededRandom

    init(seed: UInt64) {
        generator = SeededRandom(seed: seed, key: "faults")
    }

    /// A latency from the range (0 without one) and whether this request fails.
    func draw(latency: ClosedRange<Int>?, failRate: Double) -> (Int, Bool) {
        lock.lock()
        defer { lock.unlock() }
        let delay = latency.map { $0.lowerBound + generator.below($0.count) } ?? 0
        return (delay, failRate > 0 && generator.chance(failRate))
    }
}
