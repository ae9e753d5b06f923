import Foundation
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretyHTTPTransport
import SuretyServing
import SuretyTestSupport
import Testing

/// A serve stack as `surety serve --mock` builds it, with its log lines captured.
struct ServedMock {
    /// The admin routes' credential.
    static let adminToken = "test-admin"
    /// The header that opens the admin routes.
    static let admin = ["Authorization": "Bearer \(adminToken)"]
    let log = ViolationLog()
    let lines = CapturedLines()
    let responder: any Responder

    init(faults: FaultPlan = FaultPlan(), format: RequestLogFormat = .text, mode: (any Responder)? = nil, policy: RequestPolicy = .reject) {
        let checker = TestRepository.checker
        var stack = ServeStack(mode: mode.map { .proxy($0) } ?? .mock(MockResponder(checker: checker)), checker: checker, log: log)
        stack.policy = policy
        stack.faults = faults
        stack.seed = 1
        stack.door = .token(ServedMock.adminToken)
        stack.requestLog = (format, { [lines] in lines.append($0) })
        responder = stack.assemble()
    }
}

/// Lines written by the request log, safe to append from the server's threads.
final class CapturedLines: @unchecked Sendable {
    // Safe: `lines` is only touched while `lock` is held.
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

@Suite("surety serve over a real socket")
struct ServeStackSocketTests {
    let tenant = "3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f"
    let locator = "01HZX3K4M5N6P7Q8R9S0T1V2W3"

    @Test("URLSession gets a valid mocked transaction, and the log has one line for it")
    func urlSession() async throws {
        let served = ServedMock()
        let response = try await LoopbackServer.with(served.responder) { base in
            try await URLSessionClient.send("\(base)/policy/\(tenant)/transactions/\(locator)")
        }
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        let document = try JSONParser().parse(response.body)
        #expect(TestRepository.checker.validator.validate(document, against: .named("PolicyTransactionResponse")).isEmpty)
        #expect(document.value()["locator"]?.stringValue == locator)
        let line = try #require(served.lines.all.first)
        #expect(line.hasPrefix("GET /policy/\(tenant)/transactions/\(locator) fetchTransaction 200 "))
        #expect(line.hasSuffix("ms violations=0"))
    }

    @Test("curl sees 405 with Allow, 404 with nearest routes and 400 with every violation")
    func curlErrors() async throws {
        let curl = try #require(ToolRunner.curl, "curl is installed by .ci/run")
        let served = ServedMock()
        try await LoopbackServer.with(served.responder) { base in
            let wrongMethod = try await ToolRunner.run(curl, ["-s", "-i", "-X", "DELETE", "\(base)/policy/\(tenant)/transactions/\(locator)"])
            #expect(wrongMethod.standardOutput.hasPrefix("HTTP/1.1 405"))
            #expect(wrongMethod.standardOutput.contains("Allow: GET, HEAD\r\n"))
            let unknown = try await ToolRunner.run(curl, ["-s", "-w", "\n%{http_code}", "\(base)/policy/\(tenant)/transactionz/\(locator)"])
            #expect(unknown.standardOutput.hasSuffix("\n404"))
            let notFound = try #require(Problem(response: HTTPResponse(body: Array(unknown.standardOutput.dropLast(4).utf8))))
            #expect(notFound.nearest.first == "GET /policy/{tenantLocator}/transactions/{locator}")
            let invalid = try await ToolRunner.run(curl, ["-s", "-X", "PATCH", "-H", "Content-Type: application/json",
                                                           "--data", #"{"installmentLocators":[1,"x"]}"#, "\(base)/billing/nope/installments"])
            let problem = try #require(Problem(response: HTTPResponse(body: Array(invalid.standardOutput.utf8))))
            #expect(problem.status.code == 400)
            #expect(problem.violations.map { "\($0.part.rawValue) \($0.pointer)" } == [
                "path /tenantLocator", "body /installmentLocators/0", "body /installmentLocators/1",
            ])
        }
        #expect(served.log.snapshot().violations == 3)
    }

    @Test("admin routes report health, the 77 routes and the violations, and reset clears them")
    func admin() async throws {
        let served = ServedMock()
        try await LoopbackServer.with(served.responder) { base in
            _ = try await URLSessionClient.send("\(base)/policy/bad-tenant/transactions/\(locator)")
            let routes = try JSONParser().parse(try await URLSessionClient.send("\(base)/__surety/routes", headers: ServedMock.admin).body).value()
            #expect(routes.arrayValue?.count == 77)
            let violations = try JSONParser().parse(try await URLSessionClient.send("\(base)/__surety/violations", headers: ServedMock.admin).body).value()
            #expect(violations["violations"] == .integer(1))
            #expect(violations["entries"]?[0]?["violations"]?[0]?["pointer"] == "/tenantLocator")
            let reset = try await URLSessionClient.send("\(base)/__surety/reset", method: "POST", headers: ServedMock.admin)
            #expect(reset.status == 200)
            let health = try JSONParser().parse(try await URLSessionClient.send("\(base)/__surety/health").body).value()
            #expect(health["status"] == "ok")
            #expect(health["violations"] == .integer(0))
            #expect(try await URLSessionClient.send("\(base)/__surety/nothing", headers: ServedMock.admin).status == 404)
            #expect(try await URLSessionClient.send("\(base)/__surety/reset", headers: ServedMock.admin).status == 405)
        }
    }

    @Test("a fail rate of 1 answers the planned 5xx in the error shape; the log says so")
    func faults() async throws {
        let plan = FaultPlan(defaultFault: .init(), endpoints: ["fetchTransaction": .init(latency: 5...10, failRate: 1, failStatus: 503)])
        let served = ServedMock(faults: plan, format: .json)
        try await LoopbackServer.with(served.responder) { base in
            let failed = try await URLSessionClient.send("\(base)/policy/\(tenant)/transactions/\(locator)")
            #expect(failed.status == 503)
            #expect(failed.text.contains(#""title":"Injected fault""#))
            let other = try await URLSessionClient.send("\(base)/policy/\(tenant)/transactions/\(locator)/segment")
            #expect(other.status == 200)
        }
        let first = try JSONParser().parse(Array(try #require(served.lines.all.first).utf8)).value()
        #expect(first["status"] == .integer(503))
        #expect(first["endpoint"] == "fetchTransaction")
        #expect((first["ms"]?.numberValue?.doubleValue ?? 0) >= 5)
    }

    @Test("the proxy forwards to a real upstream and counts the upstream's violations in a header")
    func proxy() async throws {
        let broken = BrokenUpstream()
        try await LoopbackServer.with(broken) { upstream in
            let served = ServedMock(mode: UpstreamClient(baseURL: URL(string: upstream)!), policy: .forward)
            try await LoopbackServer.with(served.responder) { base in
                let response = try await URLSessionClient.send("\(base)/policy/\(tenant)/transactions/\(locator)")
                #expect(response.status == 200)
                #expect(response.headers["x-surety-violations"] == "2")
                let forwardedAnyway = try await URLSessionClient.send("\(base)/policy/not-a-uuid/transactions/\(locator)")
                #expect(forwardedAnyway.status == 200)
            }
            let entries = served.log.snapshot().entries
            #expect(entries.first?.violations.map(\.pointer.description) == ["/locator", "/transactionState"])
            #expect(entries.count == 2)
        }
    }
}

/// An upstream whose transactions break the contract twice: a number for a locator and an unknown state.
struct BrokenUpstream: SynchronousResponder {
    func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        HTTPResponse(status: .ok, jsonText: #"{"locator":7,"policyLocator":"01HZX3K4M5N6P7Q8R9S0T1V2W3","termLocator":"01HZX3K4M5N6P7Q8R9S0T1V2W3","effectiveTime":"2026-01-01T00:00:00Z","transactionState":"pending","transactionCategory":"issuance","transactionType":"x","createdAt":"2026-01-01T00:00:00Z","createdBy":"3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f"}"#)
    }
}
