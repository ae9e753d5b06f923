import Foundation
import SuretyConformance
import SuretyContracts
import SuretyEmulator
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyServing
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// `surety check` against the emulator: the repository's scenarios drive every policy flow, in-process and over
/// real sockets, and every response the emulator produces passes the contract's validator.
@Suite("surety check against the emulator")
struct EmulatorCheckTests {
    /// The endpoints of the Policy Transactions and Policy Terms documents (the emulator's part).
    static var policyEndpoints: [Endpoint] {
        TestRepository.contract.endpoints.filter { endpoint in
            ["policy-transactions.json", "policy-terms.json"].contains { endpoint.location?.file.hasSuffix($0) == true }
        }
    }

    static func run(_ backend: any Responder) async throws -> ConformanceReport {
        let contract = TestRepository.contract
        let scenarios = try ScenarioLoader(contract: contract).load(directory: TestRepository.contracts + "/scenarios").scenarios
        var options = ConformanceRunner.Options()
        options.tenant = CheckCommand.inProcessTenant
        options.token = CheckCommand.inProcessToken
        options.adminToken = EmulatorAdmin.builtInCredentials.adminToken
        return await ConformanceRunner(contract: contract, backend: backend, options: options, scenarios: scenarios).run()
    }

    static func inProcessBackend() -> any Responder {
        var options = ConformanceRunner.Options()
        options.tenant = CheckCommand.inProcessTenant
        return CheckCommand.defaultInProcessBackend(TestRepository.contract, options)
    }

    /// A request to a deprecated endpoint carries a `deprecated` warning about the request; responses carry none.
    @Test("in-process, every endpoint of the policy part answers 200 at least once, and no response has any violation")
    func everyPolicyEndpointSucceeds() async throws {
        let report = try await Self.run(Self.inProcessBackend())
        #expect(Self.policyEndpoints.count == 41)
        for endpoint in Self.policyEndpoints {
            #expect(report.results.contains { $0.endpointID == endpoint.id && $0.status == 200 && $0.violations.isEmpty && !$0.requestViolations.contains(where: \.isError) },
                    "\(endpoint.id) never answered a clean 200")
        }
        let withViolations = report.results.filter { !$0.violations.isEmpty }
        #expect(withViolations.isEmpty, "\(withViolations.map { "\($0.name): \($0.violations)" })")
        #expect(report.results.allSatisfy { $0.skipped == nil })
        #expect(report.conforms)
    }

    @Test("the scenarios reach every transactionState but earlyUnderwritten, which semantics.md marks undocumented")
    func everyTransactionState() async throws {
        let report = try await Self.run(Self.inProcessBackend())
        let states = try #require(report.coverage.enums.first { $0.key == "PolicyTransactionResponse.transactionState" })
        #expect(states.values.count == 15)
        #expect(states.neverObserved == ["earlyUnderwritten"])
    }

    @Test("over a real socket through URLSession, every scenario step passes its expectations and the contract")
    func scenariosOverSockets() async throws {
        let report = try await LoopbackServer.with(Self.inProcessBackend()) { base in
            try await Self.run(UpstreamClient(baseURL: URL(string: base)!, timeout: .seconds(30)))
        }
        let steps = report.results.filter { $0.scenarioName?.hasPrefix("emulator-") == true }
        #expect(steps.count > 100)
        #expect(steps.allSatisfy { $0.skipped == nil && !$0.failed && $0.violations.isEmpty }, "\(steps.filter { $0.failed || $0.skipped != nil })")
        #expect(report.conforms)
    }

    @Test("an endpoint the emulator lacks is answered by the mock behind the fixtures' tokens: 401 unknown, 403 not permitted, 200 allowed")
    func mockedEndpointsTakeTheTokens() throws {
        // The emulator implements every endpoint of the repository's contract, so the guard in front of the mock (for a
        // --contracts folder with more endpoints) is exercised directly, on an endpoint whose permissions the emulator knows.
        let emulator = try EmulatedBackend(contract: TestRepository.contract, clock: .manual(BuiltInFixtures.referenceInstant))
        #expect(emulator.implementedEndpointIDs == Set(TestRepository.contract.endpoints.map(\.id)))
        let guarded = StackEntry(root: TokenGuard(emulator: emulator, inner: MockResponder(checker: TestRepository.checker)), checker: TestRepository.checker)
        let path = "/billing/\(CheckCommand.inProcessTenant)/installments/policies/01J6A00000000000000000PA01/list"
        let request = { (token: String) in HTTPRequest(method: .get, target: path, headers: ["Authorization": "Bearer \(token)"]) }
        #expect(guarded.respondSynchronously(to: request("not-a-fixture-token")).status.code == 401)
        #expect(guarded.respondSynchronously(to: request("surety-readonly")).status.code == 403)
        #expect(guarded.respondSynchronously(to: request("surety-token-b")).status.code == 403)
        let allowed = guarded.respondSynchronously(to: request("surety-token"))
        #expect(allowed.status.code == 200)
        #expect(allowed.body == MockResponder(checker: TestRepository.checker).respondSynchronously(to: request("surety-token")).body,
                "the mock answered")
    }
}
