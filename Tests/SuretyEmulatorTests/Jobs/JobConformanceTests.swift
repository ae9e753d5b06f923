import SuretyConformance
import SuretyEmulator
import SuretyTestSupport
import Testing

@Suite struct JobConformanceTests {
    static var jobEndpoints: [String] {
        EmulatorTestSupport.contract.endpoints.filter { $0.location?.file.hasSuffix("jobs.json") == true }.map(\.id)
    }

    @Test("every endpoint of the Jobs document has a handler")
    func everyEndpointImplemented() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        #expect(Self.jobEndpoints.count == 28)
        #expect(Set(Self.jobEndpoints).subtracting(backend.implementedEndpointIDs).isEmpty)
    }

    @Test("the jobs scenarios against the emulator: all 28 endpoints answer a documented status, nothing fails, every job state is seen")
    func scenariosConform() async throws {
        let contract = EmulatorTestSupport.contract
        let backend = ExchangeChecker(contract: contract, options: .init(requiresAuthorization: true))
            .validating(try EmulatorTestSupport.makeBackend())
        let scenarios = try ScenarioLoader(contract: contract).load(directory: TestRepository.contracts + "/scenarios").scenarios
            .filter { $0.name.hasPrefix("emulator-jobs-") }
        #expect(scenarios.count == 4)
        let options = ConformanceRunner.Options(tenant: BuiltInFixtures.tenantA, token: "surety-token")
        let report = await ConformanceRunner(contract: contract, backend: backend, options: options, scenarios: scenarios, now: { 0 }).run()
        #expect(report.results.filter { $0.failed && Self.jobEndpoints.contains($0.endpointID ?? "") }.map { "\($0.name) \($0.endpointID ?? "")" } == [], "the other areas are not all emulated here")
        #expect(report.results.filter { $0.scenarioName != nil && $0.skipped != nil }.map(\.name) == [])
        let unanswered = report.coverage.endpoints.filter { Self.jobEndpoints.contains($0.id) && !$0.answeredDocumentedStatus }.map(\.id)
        #expect(unanswered == [])
        let states = report.coverage.enums.filter { ["jobStatus", "status", "jobState"].contains($0.key.split(separator: ".").last.map(String.init) ?? "") }
        #expect(states.count == 11)
        #expect(states.filter { !$0.neverObserved.isEmpty }.map(\.key) == [])
    }
}
