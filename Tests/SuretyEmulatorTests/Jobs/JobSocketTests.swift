import Foundation
import SuretyConformance
import SuretyEmulator
import SuretyJSON
import SuretyTestSupport
import Testing

@Suite struct JobSocketTests {
    static let auth = ["Authorization": "Bearer surety-token"]

    static func json(_ response: ClientResponse) -> JSONValue { (try? JSONParser().parse(response.body).value()) ?? .null }

    @Test("over a real socket with URLSession: job endpoints answer valid bodies, an empty 200 for restart, and 409 problems")
    func overSocket() async throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let responder = EmulatorTestSupport.checker.validating(backend)
        let tenant = BuiltInFixtures.tenantA
        try await LoopbackServer.with(responder) { base in
            let job = "\(base)/policy/\(tenant)/deserializeJobs/\(BuiltInJobFixtures.locator("DS", 4))"
            let restart = try await URLSessionClient.send(job + "/restart", method: "PATCH", headers: Self.auth)
            #expect(restart.status == 200 && restart.body.isEmpty)
            let fetched = try await URLSessionClient.send(job, headers: Self.auth)
            #expect(fetched.status == 200)
            #expect(fetched.headers["content-type"] == "application/json")
            let document = try JSONParser().parse(fetched.body)
            #expect(EmulatorTestSupport.checker.validator.validate(document, against: .named("DeserializationJob")).isEmpty)
            #expect(document.value()["retryCount"] == 1)
            let again = try await URLSessionClient.send(job + "/restart", method: "PATCH", headers: Self.auth)
            #expect(again.status == 409)
            let problem = try #require(Problem(response: .init(body: again.body)))
            #expect(problem.detail == "Cannot restart job \(BuiltInJobFixtures.locator("DS", 4)) in state running.")
            let list = try await URLSessionClient.send("\(base)/document/\(tenant)/documents/quote/\(JobsFixture.quote)/jobs/list?extended=true",
                                                       headers: Self.auth)
            #expect(Self.json(list)["items"]?.arrayValue?.count == 4)
            let readOnly = try await URLSessionClient.send(job + "/terminate", method: "PATCH", headers: ["Authorization": "Bearer surety-readonly"])
            #expect(readOnly.status == 403, "deserializeJobs.write is needed")
        }
    }

    @Test("surety serve --emulate: POST /__surety/clock (sent with curl) moves due jobs (a restarted deserialization job completes after an hour)")
    func clockOverProcess() async throws {
        let process = try RunningProcess(arguments: ["serve", "--emulate", "--port", "0", "--contracts", TestRepository.contracts, "--quiet"])
        let line = try #require(await process.readLine(timeout: 60), "serve printed its address")
        let base = try #require(line.split(separator: " ").last.map(String.init))
        let job = "\(base)/policy/\(BuiltInFixtures.tenantA)/deserializeJobs/\(BuiltInJobFixtures.locator("DS", 3))"
        #expect(try await URLSessionClient.send(job + "/restart", method: "PATCH", headers: Self.auth).status == 200)
        #expect(Self.json(try await URLSessionClient.send(job, headers: Self.auth))["jobState"] == "running")
        let curl = try #require(ToolRunner.curl)
        let clock = try await ToolRunner.run(curl, ["-s", "-w", "\n%{http_code}", "-X", "POST", "-H", "Content-Type: application/json", "-H", "Authorization: Bearer surety-admin",
                                                    "--data", #"{"advanceSeconds": 3600}"#, "\(base)/__surety/clock"])
        #expect(clock.standardOutput.hasSuffix("\n200"))
        let completed = Self.json(try await URLSessionClient.send(job, headers: Self.auth))
        #expect(completed["jobState"] == "completed")
        #expect(completed["retryCount"] == 1)
        #expect(await process.stop().status == 0)
    }
}
