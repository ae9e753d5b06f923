import Foundation
import SuretyConformance
import SuretyContracts
import SuretyEmulator
import SuretyHTTPCore
@testable import SuretyServing
import SuretyTestSupport
import Testing

/// A mode that records what the stack handed it: the routed endpoint of each request, or a request left unrouted.
final class RoutingProbe: SynchronousContextResponder, @unchecked Sendable {
    // Safe: both counters are only touched while `lock` is held.
    private let lock = NSLock()
    private var unrouted = 0
    private var endpoints: [String] = []

    var calls: (unrouted: Int, endpoints: [String]) { lock.lock(); defer { lock.unlock() }; return (unrouted, endpoints) }

    func respondSynchronously(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        guard let routed = context.routed else {
            lock.lock(); unrouted += 1; lock.unlock()
            return HTTPResponse(status: .notFound)
        }
        lock.lock(); endpoints.append(routed.endpoint.id); lock.unlock()
        return HTTPResponse(status: .ok, contentType: "application/json", body: Array("{}".utf8))
    }
}

@Suite("The serve stack routes once and memoises response verdicts")
struct RoutedStackTests {
    let checker = TestRepository.checker
    let request = HTTPRequest(target: "/policy/3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W3")

    func stack(_ mode: ServeMode, checker: ExchangeChecker? = nil, faults: FaultPlan = FaultPlan(), lines: CapturedLines? = nil) -> ServeStack {
        var stack = ServeStack(mode: mode, checker: checker ?? self.checker)
        stack.faults = faults
        stack.seed = 1
        stack.door = .token(ServedMock.adminToken)
        stack.requestLog = lines.map { lines in (.text, { @Sendable line in lines.append(line) }) }
        stack.stubs = StubBoard()
        stack.journal = Journal()
        stack.cors = .only(["http://localhost:3000"])
        return stack
    }

    @Test("every layer (log, CORS, journal, admin, faults, validation, stubs) hands the context down: the mode gets the routing")
    func routingHandedDown() async {
        let lines = CapturedLines()
        let probe = RoutingProbe()
        let responder = stack(.custom(name: "probe", probe, policy: .reject), faults: FaultPlan(defaultFault: .init(latency: 0...0)), lines: lines).assemble()
        let response = await responder.respond(to: request)
        #expect(response.status.code == 200)
        #expect(probe.calls.unrouted == 0)
        #expect(probe.calls.endpoints == ["fetchTransaction"])
        #expect(lines.all.first?.contains(" fetchTransaction 200 ") == true)
        #expect(response.headers[SuretyHeaders.violationCount] != nil, "the empty object still breaks the contract")
    }

    @Test("the top does not route admin requests, which the contract does not describe; an unknown API path still gets its nearest routes")
    func adminNotRouted() throws {
        let entry = StackEntry(root: RoutingProbe(), checker: checker)
        guard case .notFound(let nearest) = entry.context(of: HTTPRequest(target: "/__surety/health")).routing else {
            Issue.record("an admin path routed")
            return
        }
        #expect(nearest.isEmpty)
        guard case .notFound(let apiNearest) = entry.context(of: HTTPRequest(target: "/policy/x/transaktions")).routing else {
            Issue.record("an unknown API path routed")
            return
        }
        #expect(apiNearest.count == 3)
        let lines = CapturedLines()
        let responder = try #require(stack(.custom(name: "probe", RoutingProbe(), policy: .reject), lines: lines).assemble() as? any SynchronousResponder)
        #expect(responder.respondSynchronously(to: HTTPRequest(target: "/__surety/health")).status.code == 200)
        #expect(lines.all.last?.hasPrefix("GET /__surety/health - 200 ") == true)
    }

    @Test("without faults the stack stays on the synchronous fast path; with latency it does not")
    func synchronous() throws {
        let probe = RoutingProbe()
        let responder = try #require(stack(.custom(name: "probe", probe, policy: .reject), lines: CapturedLines()).assemble() as? any SynchronousResponder)
        #expect(responder.respondSynchronously(to: request).status.code == 200)
        #expect(probe.calls.unrouted == 0)
        let faulted = stack(.custom(name: "probe", probe, policy: .reject), faults: FaultPlan(defaultFault: .init(latency: 0...0))).assemble()
        #expect(!(faulted is any SynchronousResponder))
    }

    @Test("the mock's repeated body is judged once, and POST /__surety/reset empties the verdicts")
    func resetEmptiesVerdicts() async {
        let served = stack(.mock(MockResponder(checker: checker)))
        let responder = served.assemble()
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
