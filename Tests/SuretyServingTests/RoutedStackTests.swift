import Foundation
import SuretyConformance
import SuretyHTTPCore
@testable import SuretyServing
import SuretyTestSupport
import Testing

/// A mode that records how the stack called it: handed the stack's routing, or left to route for itself.
final class RoutingProbe: SynchronousRoutedResponder, @unchecked Sendable {
    // Safe: both counters are only touched while `lock` is held.
    private let lock = NSLock()
    private var unrouted = 0
    private var endpoints: [String] = []

    var calls: (unrouted: Int, endpoints: [String]) { lock.lock(); defer { lock.unlock() }; return (unrouted, endpoints) }

    func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        lock.lock(); unrouted += 1; lock.unlock()
        return HTTPResponse(status: .internalServerError)
    }

    func respondSynchronously(to request: HTTPRequest, routing: Routing) -> HTTPResponse {
        guard case .routed(let routed) = routing else { return HTTPResponse(status: .notFound) }
        lock.lock(); endpoints.append(routed.endpoint.id); lock.unlock()
        return HTTPResponse(status: .ok, contentType: "application/json", body: Array("{}".utf8))
    }
}

@Suite("The serve stack routes once and memoises response verdicts")
struct RoutedStackTests {
    let checker = TestRepository.checker
    let request = HTTPRequest(target: "/policy/3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W3")

    func stack(faults: FaultPlan = FaultPlan(), lines: CapturedLines? = nil) -> ServeStack {
        let log = ViolationLog()
        return ServeStack(checker: checker, policy: .reject, log: log, faults: faults, seed: 1,
                          admin: AdminContext(mode: "mock", contract: checker.contract, log: log, door: .token(ServedMock.adminToken)),
                          requestLog: lines.map { lines in (.text, { @Sendable line in lines.append(line) }) })
    }

    @Test("every layer (log, faults, validation) hands its routing down: the mode is never left to route for itself")
    func routingHandedDown() async {
        let lines = CapturedLines()
        let probe = RoutingProbe()
        let responder = stack(faults: FaultPlan(defaultFault: .init(latency: 0...0)), lines: lines).assemble(probe)
        let response = await responder.respond(to: request)
        #expect(response.status.code == 200)
        #expect(probe.calls.unrouted == 0)
        #expect(probe.calls.endpoints == ["fetchTransaction"])
        #expect(lines.all.first?.contains(" fetchTransaction 200 ") == true)
        #expect(response.headers[SuretyHeaders.violationCount] != nil, "the empty object still breaks the contract")
    }

    @Test("the request log does not route admin requests, which the contract does not describe; an unknown API path still gets its nearest routes")
    func adminNotRouted() throws {
        let logger = RequestLogger(inner: RoutingProbe(), checker: checker, format: .text, write: { _ in })
        guard case .notFound(let nearest) = logger.routing(of: HTTPRequest(target: "/__surety/health")) else {
            Issue.record("an admin path routed")
            return
        }
        #expect(nearest.isEmpty)
        guard case .notFound(let apiNearest) = logger.routing(of: HTTPRequest(target: "/policy/x/transaktions")) else {
            Issue.record("an unknown API path routed")
            return
        }
        #expect(apiNearest.count == 3)
        let lines = CapturedLines()
        let responder = try #require(stack(lines: lines).assemble(RoutingProbe()) as? any SynchronousResponder)
        #expect(responder.respondSynchronously(to: HTTPRequest(target: "/__surety/health")).status.code == 200)
        #expect(lines.all.last?.hasPrefix("GET /__surety/health - 200 ") == true)
    }

    @Test("without faults the stack stays on the synchronous fast path, routed once at the top")
    func synchronous() throws {
        let probe = RoutingProbe()
        let responder = try #require(stack(lines: CapturedLines()).assemble(probe) as? any SynchronousResponder)
        #expect(responder.respondSynchronously(to: request).status.code == 200)
        #expect(probe.calls.unrouted == 0)
    }

    @Test("the mock's repeated body is judged once, and POST /__surety/reset empties the verdicts")
    func resetEmptiesVerdicts() async {
        let served = stack()
        let responder = served.assemble(MockResponder(checker: checker))
        for _ in 0..<3 {
            let response = await responder.respond(to: request)
            #expect(response.status.code == 200 && response.headers[SuretyHeaders.violationCount] == nil)
        }
        #expect(served.verdicts.count == 1)
        let reset = await responder.respond(to: HTTPRequest(method: .post, target: "/__surety/reset", headers: ["Authorization": "Bearer \(ServedMock.adminToken)"]))
        #expect(reset.status.code == 200)
        #expect(served.verdicts.count == 0)
        _ = await responder.respond(to: request)
        #expect(served.verdicts.count == 1)
    }
}
