import Foundation
import SuretyEmulator
import SuretyJSON
import SuretySchemas
import SuretyTestSupport
import Testing

/// `surety serve --emulate --state DIR` as a process: state survives `kill -9`, a torn last line is skipped, a
/// damaged earlier line stops the start with the file and line.
@Suite("surety serve --emulate --state as a process")
struct EmulatorStateProcessTests {
    let tenant = BuiltInFixtures.tenantA
    let auth = ["Authorization": "Bearer surety-token", "Content-Type": "application/json"]

    func start(_ state: String) async throws -> (RunningProcess, String) {
        let process = try RunningProcess(arguments: ["serve", "--emulate", "--port", "0", "--quiet", "--state", state,
                                                     "--contracts", TestRepository.contracts])
        let line = try #require(await process.readLine(timeout: 30), "serve printed its address")
        return (process, try #require(line.split(separator: " ").last.map(String.init)))
    }

    func send(_ base: String, _ method: String, _ path: String, _ body: String? = nil) async throws -> ClientResponse {
        try await URLSessionClient.send(base + path, method: method, headers: auth, body: body.map { Array($0.utf8) }, timeout: 30)
    }

    @Test("changes made over HTTP survive kill -9: the same transaction, state, locators and clock after a restart")
    func survivesKill() async throws {
        let state = try TestRepository.temporaryDirectory("surety-state")
        defer { try? FileManager.default.removeItem(atPath: state) }
        let (first, base) = try await start(state)
        let created = try await send(base, "PATCH", "/policy/\(tenant)/policies/\(BuiltInFixtures.policyA1)/change",
                                     #"[{"action": "params", "effectiveTime": "2024-11-01T00:00:00Z"}, {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "V9"}}}]"#)
        #expect(created.status == 200)
        let locator = try #require(try JSONParser().parse(created.body).value()["locator"]?.stringValue)
        #expect(try await send(base, "PATCH", "/policy/\(tenant)/transactions/\(locator)/price").status == 200)
        let stateless = try await send(base, "PATCH", "/policy/\(tenant)/transactions/\(locator)/underwrite?stateless=true")
        #expect(stateless.status == 200)
        let clock = try await URLSessionClient.send(base + "/__surety/clock", method: "POST", headers: ["Authorization": "Bearer surety-admin"], body: Array(#"{"advanceSeconds": 86400}"#.utf8))
        #expect(clock.status == 200)
        let before = try await send(base, "GET", "/policy/\(tenant)/transactions/\(locator)")
        let termsBefore = try await send(base, "GET", "/policy/\(tenant)/policies/\(BuiltInFixtures.policyA1)/terms/list")
        _ = await first.stop(signal: SIGKILL)

        let (second, again) = try await start(state)
        let after = try await send(again, "GET", "/policy/\(tenant)/transactions/\(locator)")
        #expect(after.status == 200)
        #expect(after.text == before.text)
        #expect(try JSONParser().parse(after.body).value()["transactionState"] == "priced")
        #expect(try await send(again, "GET", "/policy/\(tenant)/policies/\(BuiltInFixtures.policyA1)/terms/list").text == termsBefore.text)
        let now = try JSONParser().parse(try await URLSessionClient.send(again + "/__surety/clock", headers: ["Authorization": "Bearer surety-admin"]).body).value()["now"]?.stringValue
        let instant = try #require(now.flatMap(Timestamp.init(rfc3339:)))
        #expect(instant.seconds > Int64(Date().timeIntervalSince1970) + 86_000, "the advanced clock was kept")
        let (status, stderr) = await second.stop()
        #expect(status == 0)
        #expect(stderr.contains("journal.ndjson: 3 entries replayed"), "\(stderr)")
    }

    @Test("a torn last line is reported and cut off; a damaged earlier line stops the start with file and line")
    func damagedJournal() async throws {
        let state = try TestRepository.temporaryDirectory("surety-state")
        defer { try? FileManager.default.removeItem(atPath: state) }
        let (first, base) = try await start(state)
        #expect(try await send(base, "PATCH", "/policy/\(tenant)/policies/\(BuiltInFixtures.policyA1)/change",
                               #"[{"action": "params", "effectiveTime": "2024-11-01T00:00:00Z"}]"#).status == 200)
        _ = await first.stop(signal: SIGKILL)
        let journal = state + "/journal.ndjson"
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"call":"changePolicy","at":"2024-1"#.utf8))
        try handle.close()

        let (second, again) = try await start(state)
        #expect(try await send(again, "GET", "/policy/\(tenant)/policies/\(BuiltInFixtures.policyA1)/terms/list").status == 200)
        let (status, stderr) = await second.stop()
        #expect(status == 0)
        #expect(stderr.contains("journal.ndjson:3: warning: skipped a damaged last line"), "\(stderr)")
        #expect(stderr.contains("1 entries replayed"))
        let repaired = try String(contentsOfFile: journal, encoding: .utf8)
        #expect(repaired.hasSuffix("}\n"), "the torn line was cut off")

        var lines = repaired.split(separator: "\n").map(String.init)
        lines.insert(#"{"not": "an entry"}"#, at: 1)
        try (lines.joined(separator: "\n") + "\n").write(toFile: journal, atomically: true, encoding: .utf8)
        let broken = try await ToolRunner.run(RunningProcess.suretyExecutable, ["serve", "--emulate", "--port", "0", "--state", state,
                                                                                "--contracts", TestRepository.contracts])
        #expect(broken.status == 2)
        #expect(broken.standardError.contains("journal.ndjson:2: error: not a journal entry (expected one of call, clock, fixtures, reset, locators)"),
                "\(broken.standardError)")
    }
}
