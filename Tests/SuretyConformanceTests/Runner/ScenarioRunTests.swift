import Foundation
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import Testing
import SuretyTestSupport

/// The request targets a backend was asked for, in order.
final class TargetLog: @unchecked Sendable {
    // Safe: every access to `targets` holds `lock`.
    private let lock = NSLock()
    private var targets: [String] = []

    func append(_ target: String) {
        lock.lock()
        defer { lock.unlock() }
        targets.append(target)
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return targets
    }
}

@Suite("Scenarios follow captured references and check their expectations")
struct ScenarioRunTests {
    static func load(_ text: String) throws -> Scenario {
        let loaded = ScenarioLoader(contract: RunnerFixtures.contract).load(files: [.init(name: "t.json", bytes: Array(text.utf8))])
        #expect(loaded.diagnostics == [])
        return try #require(loaded.scenarios.first)
    }

    @Test("a captured locator is used by the next step, and a value expectation is checked at its pointer")
    func capturesFlow() async throws {
        let log = TargetLog()
        let generated = GeneratedBackend(contract: RunnerFixtures.contract)
        let backend = CallbackResponder { request in
            log.append(request.target)
            return await generated.respond(to: request)
        }
        let scenario = try Self.load("""
            {"surety": "scenario/1", "steps": [
              {"endpoint": "fetchTransaction", "path": {"locator": "01ARZ3NDEKTSV4RRFFQ69G5FAV"}, "capture": {"policy": "/policyLocator"}},
              {"endpoint": "fetchIssuedTransactions", "path": {"locator": "{{policy}}"}, "query": {"extended": true},
               "expect": {"status": 200, "body": {"/listCompleted": "{{policy}}"}}}
            ]}
            """)
        let report = await RunnerFixtures.run(backend, options: .init(negativeProbes: []), scenarios: [scenario])
        let steps = report.results.filter { $0.scenarioName != nil }
        #expect(steps.count == 2)
        let firstTarget = try #require(steps.first?.target)
        let firstResponse = await generated.respond(to: HTTPRequest(target: firstTarget, headers: ["Accept": "application/json"]))
        let first = try JSONParser().parse(firstResponse.body).value()
        let policy = try #require(first["policyLocator"]?.stringValue)
        #expect(log.all[1] == "/policy/\(options().effectiveTenant)/policies/\(policy)/issuedTransactions/list?extended=true")
        // The value expectation cannot hold (listCompleted is a boolean), so the step fails with the pointer.
        let violation = try #require(steps[1].violations.first { $0.rule == .expectedValue })
        #expect(violation.pointer == "/listCompleted")
        #expect(violation.expected == "\"\(policy)\"")
        // Endpoints a scenario reached get no generated valid probe.
        #expect(!report.results.contains { $0.endpointID == "fetchTransaction" && $0.name == "valid" })
    }

    @Test("an admin step is sent as written with the token and body, judged by its expectations alone, and its captures flow on")
    func adminStep() async throws {
        let log = TargetLog()
        let generated = GeneratedBackend(contract: RunnerFixtures.contract)
        let backend = CallbackResponder { request in
            guard request.path.hasPrefix("/__surety/") else { return await generated.respond(to: request) }
            log.append("\(request.method.rawValue) \(request.target) \(request.headers["Authorization"] ?? "-") \(String(decoding: request.body, as: UTF8.self))")
            return HTTPResponse(status: .ok, jsonText: #"{"reset": true, "mode": "mock", "locator": "01ARZ3NDEKTSV4RRFFQ69G5FAV"}"#)
        }
        let scenario = try Self.load("""
            {"surety": "scenario/1", "name": "admin", "steps": [
              {"name": "reset", "admin": "post /__surety/reset", "body": {"tenant": "{{tenantLocator}}"},
               "expect": {"status": 200, "body": {"/reset": true, "/mode": "emulator"}}, "capture": {"tx": "/locator"}},
              {"name": "fetch", "endpoint": "fetchTransaction", "path": {"locator": "{{tx}}"}}
            ]}
            """)
        let report = await RunnerFixtures.run(backend, options: .init(token: "t0k", negativeProbes: []), scenarios: [scenario])
        let steps = report.results.filter { $0.scenarioName == "admin" }
        #expect(log.all == [#"POST /__surety/reset Bearer t0k {"tenant":"\#(options().effectiveTenant)"}"#])
        #expect(steps.map(\.endpointID) == [nil, "fetchTransaction"])
        #expect(steps[0].status == 200)
        #expect(steps[0].violations.map(\.rule) == [.expectedValue], "only the unmet /mode; the contract does not judge admin routes")
        #expect(steps[0].violations.first?.pointer == "/mode")
        #expect(steps[1].target == "/policy/\(options().effectiveTenant)/transactions/01ARZ3NDEKTSV4RRFFQ69G5FAV")
        #expect(steps[1].skipped == nil)
    }

    @Test("a status expectation that fails is a violation; a step whose capture is missing is skipped with the reason")
    func expectationsAndSkips() async throws {
        let contract = RunnerFixtures.contract
        let backend = TamperingResponder(inner: GeneratedBackend(contract: contract), endpointID: "fetchTransaction") { _ in
            Problem(status: .notFound, title: "No such transaction").response
        }
        let scenario = try Self.load("""
            {"surety": "scenario/1", "name": "gone", "steps": [
              {"name": "fetch", "endpoint": "fetchTransaction", "expect": {"status": 200}, "capture": {"tx": "/locator"}},
              {"name": "segment", "endpoint": "fetchTransactionSegment", "path": {"locator": "{{tx}}"}, "capture": {"seg": "/locator"}},
              {"name": "by segment", "endpoint": "fetchPolicySegment", "path": {"segmentLocator": "{{seg}}"}}
            ]}
            """)
        let report = await RunnerFixtures.run(backend, options: .init(negativeProbes: []), scenarios: [scenario])
        let steps = report.results.filter { $0.scenarioName == "gone" }
        #expect(steps.map(\.status) == [404, nil, nil])
        #expect(steps[0].violations.map(\.rule) == [.expectedStatus])
        #expect(steps[0].violations.first?.expected == "200")
        #expect(steps[1].skipped == #"{{tx}} was not captured: step "fetch" answered 404 without /locator"#)
        #expect(steps[2].skipped == #"{{seg}} was not captured: step "segment" was skipped"#)
        #expect(steps.map(\.name) == ["scenario gone: fetch", "scenario gone: segment", "scenario gone: by segment"])
        // The step's 404 is no documented status, so the endpoint still gets its generated probe.
        #expect(report.results.contains { $0.endpointID == "fetchTransactionSegment" && $0.name == "valid" })
    }

    @Test("the repository's generic scenarios run clean against the generated backend (the emulator's expect its state)")
    func repositoryScenarios() async throws {
        let contract = RunnerFixtures.contract
        let scenarios = try ScenarioLoader(contract: contract).load(directory: RunnerFixtures.scenariosDirectory).scenarios
            .filter { !$0.name.hasPrefix("emulator-") && !$0.name.hasPrefix("writes-") }
        let report = await RunnerFixtures.run(GeneratedBackend(contract: contract), scenarios: scenarios)
        let steps = report.results.filter { $0.scenarioName != nil }
        #expect(steps.count == scenarios.reduce(0) { $0 + $1.steps.count })
        #expect(steps.allSatisfy { $0.skipped == nil && !$0.failed }, "\(steps.filter { $0.skipped != nil || $0.failed })")
        #expect(report.conforms)
        #expect(report.coverage.documentedStatusCount == contract.endpoints.count,
                "\(report.coverage.endpoints.filter { !$0.answeredDocumentedStatus }.map(\.id)) \(report.reach?.endpoints.filter { !$0.reached }.map { "\($0.id): \($0.how)" } ?? [])")
    }

    func options() -> ConformanceRunner.Options { .init(negativeProbes: []) }
}
