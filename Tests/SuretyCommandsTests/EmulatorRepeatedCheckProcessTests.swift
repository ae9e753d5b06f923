import Foundation
import SuretyEmulator
import SuretyJSON
import SuretyTestSupport
import Testing

/// `surety check --base-url` run twice against one live `surety serve --emulate`, both as processes: the emulator
/// scenarios begin by restoring the fixtures, so the second run starts where the first did (a policy renews once, and
/// fixture jobs stay retried or terminated, which failed a second run before).
@Suite("surety check passes twice in a row against one live surety serve --emulate")
struct EmulatorRepeatedCheckProcessTests {
    /// Runs the whole check (scenarios and probes) against `base` and answers its exit status and JSON report.
    func check(_ base: String, report: String) async throws -> (status: Int32, report: JSONValue, err: String) {
        let run = try await ToolRunner.run(RunningProcess.suretyExecutable, [
            "check", "--base-url", base, "--token", "surety-token", "--tenant", BuiltInFixtures.tenantA,
            "--token-without-permission", "surety-no-permission", "--seed", "1",
            "--contracts", TestRepository.contracts, "--report", "json:" + report,
        ], timeout: 180)
        let json = try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: report)))).value()
        return (run.status, json, run.standardError)
    }

    @Test("both runs exit 0 with no failed or skipped check, and the renewal and job scenarios pass each time")
    func twice() async throws {
        let folder = try TestRepository.temporaryDirectory("surety-check-twice")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // --quiet: standard error is read only at the end, and a full pipe would stall the server's log.
        let process = try RunningProcess(arguments: ["serve", "--emulate", "--port", "0", "--quiet", "--contracts", TestRepository.contracts])
        let line = try #require(await process.readLine(timeout: 30), "serve printed its address")
        let base = try #require(line.split(separator: " ").last.map(String.init))
        for run in 1...2 {
            let (status, report, err) = try await check(base, report: "\(folder)/run\(run).json")
            #expect(status == 0, "run \(run): \(err)")
            #expect(report["summary"]?["failed"]?.numberValue?.intValue == 0, "run \(run)")
            #expect(report["summary"]?["skipped"]?.numberValue?.intValue == 0, "run \(run)")
            let results = report["results"]?.arrayValue ?? []
            let reset = results.first { $0["check"]?.stringValue == "scenario emulator-fixtures: restore the fixtures" }
            #expect(reset?["status"]?.numberValue?.intValue == 200, "run \(run)")
            for scenario in ["emulator-renew", "emulator-jobs-compliance", "emulator-jobs-documents", "emulator-jobs-installments"] {
                let steps = results.filter { $0["scenario"]?.stringValue == scenario }
                #expect(!steps.isEmpty, "run \(run): \(scenario)")
                let failed = steps.filter { $0["passed"] != true }.compactMap { $0["check"]?.stringValue }
                #expect(failed.isEmpty, "run \(run): \(failed)")
            }
        }
        #expect(await process.stop().status == 0)
    }
}
