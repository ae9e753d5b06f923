import SuretyEmulator
import SuretyJSON
import SuretySchemas
import Testing

@Suite struct ComplianceJobTests {
    static func deserialization(_ number: Int) -> String { "/policy/{t}/deserializeJobs/\(BuiltInJobFixtures.locator("DS", number))" }

    @Test("restart takes a failed or interrupted deserialization job back to running with one more retry; terminate stops it; the rest is 409")
    func restartAndTerminate() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let client = EmulatorClient(backend: backend)
        let failed = Self.deserialization(4)
        #expect(client.expect(200, .get, failed)["retryCount"] == 0)
        #expect(client.send(.patch, failed + "/restart").json == .null, "an empty body")
        var job = client.expect(200, .get, failed)
        #expect(job["jobState"] == "running" && job["retryCount"] == 1 && job["processingErrors"] == nil)
        client.expect(409, .patch, failed + "/restart")
        client.expect(200, .patch, failed + "/terminate")
        #expect(client.expect(200, .get, failed)["jobState"] == "terminated")
        client.expect(409, .patch, failed + "/terminate")
        client.expect(409, .patch, failed + "/restart")
        let interrupted = Self.deserialization(3)
        client.expect(200, .patch, interrupted + "/restart")
        try backend.advanceClock(bySeconds: 3599)
        #expect(client.expect(200, .get, interrupted)["jobState"] == "running")
        try backend.advanceClock(bySeconds: 1)
        job = client.expect(200, .get, interrupted)
        #expect(job["jobState"] == "completed" && job["retryCount"] == 1)
        for (number, restart, terminate) in [(1, 409, 200), (2, 409, 200), (5, 409, 409), (6, 409, 409)] {
            client.expect(restart, .patch, Self.deserialization(number) + "/restart")
            client.expect(terminate, .patch, Self.deserialization(number) + "/terminate")
        }
        client.expect(404, .patch, "/policy/{t}/deserializeJobs/01J6B0000000000000000ZZZZZ/restart")
    }

    @Test("the deserialization list is a page filtered by state (repeated or comma-separated); another job type has none")
    func list() throws {
        let client = EmulatorClient(backend: try EmulatorTestSupport.makeBackend())
        let all = client.expect(200, .get, "/policy/{t}/deserializeJobs/scheduleItems/list")
        #expect(all["items"]?.arrayValue?.compactMap { $0["jobState"]?.stringValue } == ["initialized", "running", "interrupted", "failed", "completed", "terminated"])
        let some = client.expect(200, .get, "/policy/{t}/deserializeJobs/scheduleItems/list?state=failed&state=completed,terminated")
        #expect(some["items"]?.arrayValue?.count == 3)
        #expect(client.expect(200, .get, "/policy/{t}/deserializeJobs/other/list")["items"] == [])
    }

    @Test("anonymization jobs are fetched by the request's job locators, as JSON text or exploded; unknown ones are left out")
    func anonymization() throws {
        let client = EmulatorClient(backend: try EmulatorTestSupport.makeBackend())
        let one = BuiltInJobFixtures.locator("AN", 3)
        let two = BuiltInJobFixtures.locator("AN", 1)
        let request = #"{"jobLocators":["\#(one)","01J6B0000000000000000ZZZZZ","\#(two)"]}"#
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let json = client.expect(200, .get, "/compliance/{t}/jobs?request=\(request)")
        #expect(json.arrayValue?.compactMap { $0["jobLocator"]?.stringValue } == [one, two])
        #expect(json[0]?["jobStatus"] == "suspended" && json[0]?["createdAt"] == nil)
        let exploded = client.expect(200, .get, "/compliance/{t}/jobs?jobLocators=\(two)")
        #expect(exploded[0]?["jobStatus"] == "initialized")
    }
}
