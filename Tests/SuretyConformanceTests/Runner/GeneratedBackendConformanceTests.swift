import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import Testing
import SuretyTestSupport

@Suite("The in-process generated backend conforms")
struct GeneratedBackendConformanceTests {
    @Test("every endpoint is exercised, answers 200, and no check fails")
    func everythingConforms() async throws {
        let contract = RunnerFixtures.contract
        let report = await RunnerFixtures.run(GeneratedBackend(contract: contract, seed: 7))
        #expect(report.failures.map { "\($0.endpointID ?? "-") \($0.name): \($0.violations)" } == [])
        #expect(report.skippedCount == 0)
        #expect(report.coverage.endpoints.count == contract.endpoints.count)
        #expect(report.coverage.exercisedCount == contract.endpoints.count)
        #expect(report.coverage.documentedStatusCount == contract.endpoints.count)
        #expect(report.conforms)
    }
}
