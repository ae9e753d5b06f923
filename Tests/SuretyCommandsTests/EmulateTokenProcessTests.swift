import Foundation
import SuretyEmulator
import SuretyJSON
import SuretyTestSupport
import Testing

/// `surety serve --emulate` as a process, probed by `surety check --base-url` over loopback: the whole serve stack (the
/// request log, the validation handing its routing down, the split between emulator and mock) keeps every endpoint of
/// the contract behind the fixtures' tokens.
@Suite("surety serve --emulate guards every endpoint with the fixtures' tokens")
struct EmulateTokenProcessTests {
    /// The status of every valid probe `surety check` sends with `token` for `tenant` to `base`, by endpoint id.
    func probeStatuses(_ base: String, token: String, tenant: String) async throws -> [(endpoint: String, status: Int)] {
        let folder = try TestRepository.temporaryDirectory("surety-emulate-tokens")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = folder + "/report.json"
        let run = try await ToolRunner.run(RunningProcess.suretyExecutable, [
            "check", "--base-url", base, "--token", token, "--tenant", tenant, "--no-scenarios", "--no-negative-probes",
            "--contracts", TestRepository.contracts, "--report", "json:" + report,
        ], timeout: 120)
        #expect([0, 1].contains(run.status), "\(run.standardError)")
        let results = try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: report)))).value()["results"]?.arrayValue ?? []
        return results.compactMap { result in
            guard let endpoint = result["endpoint"]?.stringValue, let status = result["status"]?.numberValue?.intValue else { return nil }
            return (endpoint, status)
        }
    }

    @Test("on all 77 endpoints: an unknown token 401, another tenant's token or one without permissions 403, the tenant's own passes")
    func everyEndpoint() async throws {
        // --quiet: the test reads standard error only at the end, and a full pipe would stall the server's log.
        let process = try RunningProcess(arguments: ["serve", "--emulate", "--port", "0", "--quiet", "--contracts", TestRepository.contracts])
        let line = try #require(await process.readLine(timeout: 30), "serve printed its address")
        let base = try #require(line.split(separator: " ").last.map(String.init))
        let endpoints = Set(TestRepository.contract.endpoints.map(\.id))
        #expect(endpoints.count == 77)

        let unknown = try await probeStatuses(base, token: "not-a-fixture-token", tenant: BuiltInFixtures.tenantA)
        #expect(Set(unknown.map(\.endpoint)) == endpoints)
        #expect(unknown.filter { $0.status != 401 }.isEmpty, "\(unknown.filter { $0.status != 401 })")

        let otherTenant = try await probeStatuses(base, token: "surety-token-b", tenant: BuiltInFixtures.tenantA)
        #expect(Set(otherTenant.map(\.endpoint)) == endpoints)
        #expect(otherTenant.filter { $0.status != 403 }.isEmpty, "\(otherTenant.filter { $0.status != 403 })")

        let unpermitted = try await probeStatuses(base, token: "surety-no-permission", tenant: BuiltInFixtures.tenantA)
        #expect(Set(unpermitted.map(\.endpoint)) == endpoints)
        #expect(unpermitted.filter { $0.status != 403 }.isEmpty, "\(unpermitted.filter { $0.status != 403 })")

        let own = try await probeStatuses(base, token: "surety-token", tenant: BuiltInFixtures.tenantA)
        #expect(Set(own.map(\.endpoint)) == endpoints)
        #expect(own.filter { [401, 403].contains($0.status) }.isEmpty, "\(own.filter { [401, 403].contains($0.status) })")

        #expect(await process.stop().status == 0)
    }
}
