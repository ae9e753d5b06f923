import Foundation
import SuretyEmulator
import SuretyJSON
import SuretyTestSupport
import Testing

/// `surety serve --emulate --max-records N` as a process, driven with curl over loopback: the bound a tenant's store
/// is held to, at the limit and one over, and its usage errors.
@Suite("surety serve --emulate --max-records")
struct EmulatorLimitProcessTests {
    /// How many records the built-in fixtures give tenant A.
    func builtInRecords() throws -> Int {
        let backend = try EmulatedBackend(contract: TestRepository.contract)
        return try #require(backend.snapshot.tenants[BuiltInFixtures.tenantA]?.recordCount)
    }

    @Test("with room for one record, a change is answered 200 and the next 507 in the problem shape, over a real socket")
    func atTheLimitAndOneOver() async throws {
        let curl = try #require(ToolRunner.curl)
        let limit = try builtInRecords() + 1
        let process = try RunningProcess(arguments: ["serve", "--emulate", "--port", "0", "--quiet", "--contracts", TestRepository.contracts,
                                                     "--max-records", String(limit)])
        let line = try #require(await process.readLine(timeout: 30), "serve printed its address")
        let base = try #require(line.split(separator: " ").last.map(String.init))
        let url = base + "/policy/\(BuiltInFixtures.tenantA)/policies/\(BuiltInFixtures.policyA1)/change"
        let body = #"[{"action": "params", "effectiveTime": "2024-11-01T00:00:00Z"}]"#
        func send() async throws -> (status: String, body: JSONValue) {
            let run = try await ToolRunner.run(curl, ["-s", "-w", "\n%{http_code}", "-X", "PATCH", "-H", "Authorization: Bearer surety-token",
                                                      "-H", "Content-Type: application/json", "--data", body, url])
            let parts = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
            let json = (try? JSONParser().parse(Array(parts.dropLast().joined(separator: "\n").utf8)).value()) ?? .null
            return (String(parts.last ?? ""), json)
        }
        #expect(try await send().status == "200")
        let refused = try await send()
        #expect(refused.status == "507")
        #expect(refused.body["title"] == "Emulator state limit reached")
        #expect(refused.body["detail"]?.stringValue?.contains("over the emulator's limit of \(limit) (--max-records)") == true)
        #expect(await process.stop().status == 0)
    }

    @Test("fixtures over the limit stop the start with an error naming their file and the tenant; a limit below 1 or without --emulate is a usage error")
    func startAndUsage() async throws {
        let limit = try builtInRecords() - 1
        let over = try await ToolRunner.run(RunningProcess.suretyExecutable, [
            "serve", "--emulate", "--port", "0", "--contracts", TestRepository.contracts, "--max-records", String(limit)], timeout: 60)
        #expect(over.status == 2)
        #expect(over.standardError.contains("<built-in fixtures>: error: tenant \(BuiltInFixtures.tenantA) would hold \(limit + 1) records, over the emulator's limit of \(limit)"),
                "\(over.standardError)")
        let zero = try await ToolRunner.run(RunningProcess.suretyExecutable, ["serve", "--emulate", "--max-records", "0"])
        #expect(zero.status == 64)
        #expect(zero.standardError.contains("--max-records"))
        let mock = try await ToolRunner.run(RunningProcess.suretyExecutable, ["serve", "--max-records", "10"])
        #expect(mock.status == 64)
        #expect(mock.standardError.contains("--max-records goes with --emulate"))
    }
}
