import SuretyEmulator
import SuretyJSON
import SuretySchemas
import Testing

@Suite struct JobFixtureTests {
    @Test("the built-in jobs load without issues and pass the contract check")
    func builtIn() throws {
        let fixtures = try EmulatorFixtures.load(bytes: Array(BuiltInFixtures.json.utf8), file: "built-in")
        let jobs = fixtures.tenants[0].jobs
        #expect(jobs.count == 5 + 4 * 5 + 5 * 2 + 9 + 6)
        #expect(JobFixtureCheck(contract: EmulatorTestSupport.contract).issues(in: fixtures).map(\.description) == [])
        #expect(fixtures.tenants[0].jobSettings?.failingDocuments == ["quoteLetter", "segmentSchedule"])
    }
}
