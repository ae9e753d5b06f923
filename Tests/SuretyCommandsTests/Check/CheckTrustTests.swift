import Foundation
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyJSON
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// `surety check` against backends Surety did not make, over real sockets: a run cannot be green while it checks
/// nothing, discovery reaches the API from one locator, and a read-only run sends nothing but reads.
@Suite("surety check against backends Surety did not make")
struct CheckTrustTests {
    /// Runs `check --base-url URL` with `arguments`, writing the JSON report, and returns the result and the report.
    func run(_ url: String, _ arguments: [String]) async throws -> (code: ExitCode, out: String, err: String, report: JSONValue) {
        let directory = try TestRepository.temporaryDirectory("surety-check-trust")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await check(["--base-url", url, "--timeout", "10", "--report", "json:\(directory)/r.json"] + arguments)
        let report = try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/r.json")))).value()
        return (result.code, result.out, result.err, report)
    }

    @Test("a backend answering 401 to everything exits 1 and names the refused token", .timeLimit(.minutes(2)))
    func everything401() async throws {
        let result = try await LoopbackServer.with(ForeignBackends.FixedStatus(status: 401)) { url in
            try await run(url, ["--token", "wrong", "--tenant", ForeignBackends.tenant])
        }
        #expect(result.code == .findings)
        #expect(result.out.contains("every request was answered 401: the backend refused the token"), "\(result.out.suffix(1_500))")
        #expect(result.report["summary"]?["conforms"] == .bool(false))
        #expect(result.report["summary"]?["failed"]?.numberValue?.intValue ?? 0 > 0, "each valid request refused is a failure")
        let failed = try #require(result.report["results"]?.arrayValue?.first { $0["outcome"] == "failed" })
        #expect(failed["exchange"]?["response"]?["status"] == .integer(401))
        #expect(failed["exchange"]?["curl"]?.stringValue?.contains("$SURETY_TOKEN") == true, "\(failed)")
        let headers = failed["exchange"]?["request"]?["headers"]?.arrayValue ?? []
        let authorization = headers.first { $0[0] == "Authorization" }?[1]?.stringValue
        #expect(authorization?.hasPrefix("[redacted") == true && authorization?.contains("wrong") == false, "\(headers)")
    }

    @Test("a backend answering 404 to everything exits 1 and asks whether the base URL's path is right", .timeLimit(.minutes(2)))
    func everything404() async throws {
        let result = try await LoopbackServer.with(ForeignBackends.FixedStatus(status: 404)) { url in
            try await run(url, ["--token", "t", "--no-scenarios"])
        }
        #expect(result.code == .findings)
        #expect(result.out.contains("every request was answered 404: is the base URL's path right?"), "\(result.out.suffix(1_500))")
        #expect(result.report["summary"]?["reached"]?["reached"] == .integer(0))
    }

    @Test("the API under another path prefix, checked without it, exits 1 with the 404 cause; with it, it is reached", .timeLimit(.minutes(2)))
    func wrongPrefix() async throws {
        let contract = try #require(try? ContractLoader().load(directory: TestRepository.contracts).contract)
        let backend = ForeignBackends.Prefixed(prefix: "/api/v2", inner: GeneratedBackend(contract: contract))
        let (wrong, right) = try await LoopbackServer.with(backend) { url in
            (try await run(url, ["--token", "t", "--no-scenarios"]),
             try await run(url + "/api/v2", ["--token", "t", "--no-scenarios", "--no-probe", "no-token"]))
        }
        #expect(wrong.code == .findings)
        #expect(wrong.out.contains("every request was answered 404: is the base URL's path right?"))
        #expect(right.code == .success, "\(right.out.suffix(2_000))")
        #expect(right.report["summary"]?["reached"]?["reached"]?.numberValue?.intValue ?? 0 >= 40)
    }

    @Test("--min-reached raises the bar: a run that reaches fewer endpoints than it asks exits 1", .timeLimit(.minutes(2)))
    func minimumReached() async throws {
        let contract = try #require(try? ContractLoader().load(directory: TestRepository.contracts).contract)
        let (enough, tooFew) = try await LoopbackServer.with(GeneratedBackend(contract: contract)) { url in
            (try await run(url, ["--token", "t", "--no-scenarios", "--no-probe", "no-token", "--min-reached", "44"]),
             try await run(url, ["--token", "t", "--no-scenarios", "--no-probe", "no-token", "--min-reached", "45"]))
        }
        #expect(enough.code == .success, "44 GET endpoints are in scope of a read-only run: \(enough.out.suffix(800))")
        #expect(tooFew.code == .findings)
        #expect(tooFew.out.contains("fewer than --min-reached 45 asks"))
    }

    @Test("from one policy locator, a read-only run reaches at least 30 of the 44 reads of an emulator it cannot recognise, with no failure and no write sent",
          .timeLimit(.minutes(3)))
    func discoveryReadOnly() async throws {
        let (emulator, emulatorURL) = try await ForeignBackends.serve(["--emulate", "--fixtures", ForeignBackends.fixtures])
        defer { _ = emulator }
        let log = ForeignBackends.MethodLog()
        let proxy = ForeignBackends.HidingProxy(upstream: UpstreamClient(baseURL: URL(string: emulatorURL)!), log: log)
        let result = try await LoopbackServer.with(proxy) { url in
            try await run(url, ["--token", ForeignBackends.token, "--tenant", ForeignBackends.tenant, "--start", "policy=\(ForeignBackends.policy)"])
        }
        _ = await emulator.stop()
        #expect(result.code == .success, "\(result.out.suffix(3_000))")
        #expect(result.err.contains("not a Surety server; read-only"))
        let reached = try #require(result.report["summary"]?["reached"]?["reached"]?.numberValue?.intValue)
        #expect(reached >= 30, "\(result.out.suffix(3_000))")
        #expect(result.report["summary"]?["failed"] == .integer(0))
        #expect(await log.methods(except: ["GET", "HEAD"]) == [], "a read-only run sends no write")
        let adminRequests = await log.requests.filter { $0.path.hasPrefix("/__surety/") }.map(\.path)
        #expect(adminRequests == ["/__surety/health"], "the only admin request is the health question")
        let reach = try #require(result.report["reach"]?.arrayValue)
        let byNumber = try #require(reach.first { $0["endpoint"] == "fetchTermsByNumber" })
        #expect(byNumber["how"]?.stringValue?.contains("(found at fetchTermsForPolicy /items/0/termNumber)") == true, "a term's number feeds the path: \(byNumber)")
        let jobs = try #require(reach.first { $0["endpoint"] == "fetchInvoicingJob" })
        #expect(jobs["reached"] == .bool(false))
        #expect(jobs["how"]?.stringValue?.contains("which the runner invented: no invoicingJob locator was seen") == true, "\(jobs)")
    }

    @Test("with --allow-writes the same run reaches at least 55 of the 77 endpoints, still with no failure", .timeLimit(.minutes(3)))
    func discoveryWithWrites() async throws {
        let (emulator, emulatorURL) = try await ForeignBackends.serve(["--emulate", "--fixtures", ForeignBackends.fixtures])
        let log = ForeignBackends.MethodLog()
        let proxy = ForeignBackends.HidingProxy(upstream: UpstreamClient(baseURL: URL(string: emulatorURL)!), log: log)
        let result = try await LoopbackServer.with(proxy) { url in
            try await run(url, ["--token", ForeignBackends.token, "--tenant", ForeignBackends.tenant, "--start", "policy=\(ForeignBackends.policy)",
                                "--allow-writes"])
        }
        _ = await emulator.stop()
        #expect(result.code == .success, "\(result.out.suffix(3_000))")
        let reached = try #require(result.report["summary"]?["reached"]?["reached"]?.numberValue?.intValue)
        #expect(reached >= 55, "\(result.out.suffix(3_000))")
        #expect(result.report["summary"]?["failed"] == .integer(0))
        let issued = await log.requests.filter { $0.path.hasSuffix("/issue") || $0.path.hasSuffix("/accept") }
        #expect(issued.isEmpty, "nothing is accepted or issued without --allow-issue")
    }

    @Test("against plain serve --emulate and plain serve --mock, check --base-url passes with no other option", .timeLimit(.minutes(3)))
    func suretyServersNeedNoOptions() async throws {
        for mode in ["--emulate", "--mock"] {
            let (server, url) = try await ForeignBackends.serve([mode])
            let result = try await run(url, [])
            _ = await server.stop()
            #expect(result.code == .success, "\(mode): \(result.out.suffix(3_000))\(result.err)")
            #expect(result.err.contains("a Surety server"), "\(result.err)")
        }
    }

    @Test("a check run recorded through serve --record passes check --recordings: its negative probes are marked, not violations",
          .timeLimit(.minutes(3)))
    func recordedRunPasses() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-check-recorded")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (emulator, emulatorURL) = try await ForeignBackends.serve(["--emulate", "--fixtures", ForeignBackends.fixtures])
        let (recorder, recorderURL) = try await ForeignBackends.serve(["--record", directory + "/recordings", "--upstream", emulatorURL])
        let live = try await run(recorderURL, ["--token", ForeignBackends.token, "--tenant", ForeignBackends.tenant,
                                               "--start", "policy=\(ForeignBackends.policy)"])
        #expect(await recorder.stop().status == 0)
        // Discovery from those recordings alone, as a folder and as a HAR file, with no --start.
        let har = directory + "/run.har"
        #expect(await surety(["har", "export", directory + "/recordings", har] + contractsArgument).code == .success)
        let proxy = ForeignBackends.HidingProxy(upstream: UpstreamClient(baseURL: URL(string: emulatorURL)!), log: ForeignBackends.MethodLog())
        let harvested = try await LoopbackServer.with(proxy) { url in
            [try await run(url, ["--token", ForeignBackends.token, "--tenant", ForeignBackends.tenant, "--start-from", directory + "/recordings"]),
             try await run(url, ["--token", ForeignBackends.token, "--tenant", ForeignBackends.tenant, "--start-from", har])]
        }
        _ = await emulator.stop()
        for result in harvested {
            #expect(result.code == .success, "\(result.out.suffix(2_000))")
            #expect(result.report["summary"]?["reached"]?["reached"]?.numberValue?.intValue ?? 0 >= 30, "\(result.out.suffix(2_000))")
            #expect(result.err.contains("--start-from"), "\(result.err)")
        }
        #expect(live.code == .success, "\(live.out.suffix(2_000))")
        let negatives = try #require(live.report["results"]?.arrayValue?.filter { $0["check"] == "malformed-tenant" })
        #expect(!negatives.isEmpty, "the run sent requests invalid on purpose")
        let offline = try await check(["--recordings", directory + "/recordings", "--report", "json:\(directory)/offline.json"])
        #expect(offline.code == .success, "\(offline.out.suffix(2_000))")
        let report = try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/offline.json")))).value()
        let names = Set(report["results"]?.arrayValue?.compactMap { $0["check"]?.stringValue } ?? [])
        #expect(names.isSuperset(of: ["recorded", "malformed-tenant", "malformed-locator", "unknown-locator", "no-token"]), "\(names)")
    }
}
