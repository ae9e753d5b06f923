import Foundation
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyJSON
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// The options that make `surety check` usable in CI and at a terminal: headers for gateways, endpoint filters,
/// a failure cap, quiet output, the report on standard output, failures with what explains them.
@Suite("surety check options")
struct CheckOptionsTests {
    /// The repository's generated backend (a schema mock that accepts any request).
    static var generated: GeneratedBackend { GeneratedBackend(contract: TestRepository.contract) }

    /// A backend that answers only requests carrying a gateway's header, and 401 otherwise.
    struct Gateway: Responder {
        let inner: GeneratedBackend

        func respond(to request: HTTPRequest) async -> HTTPResponse {
            guard request.headers["X-Gateway-Key"] == "g-123" else { return HTTPResponse(status: .unauthorized, jsonText: #"{"message":"no key"}"#) }
            return await inner.respond(to: request)
        }
    }

    @Test("--header reaches a backend behind a gateway that refuses every request without it", .timeLimit(.minutes(2)))
    func headerForGateways() async throws {
        let (without, with) = try await LoopbackServer.with(Gateway(inner: Self.generated)) { url in
            (try await check(["--base-url", url, "--no-scenarios", "--no-negative-probes"]),
             try await check(["--base-url", url, "--no-scenarios", "--no-negative-probes", "--header", "X-Gateway-Key: g-123"]))
        }
        #expect(without.code == .findings)
        #expect(with.code == .success, "\(with.out.suffix(1_500))")
    }

    @Test("--endpoint and --exclude, ids or globs, choose the endpoints a run sends to", .timeLimit(.minutes(2)))
    func endpointFilters() async throws {
        let backend = Self.generated
        let only = try await check(["--no-scenarios", "--no-negative-probes", "--endpoint", "fetchTerm*", "--exclude", "fetchTermsByNumber",
                                    "--report", "json:-"], backend: { _, _ in backend })
        #expect(only.code == .success, "\(only.err.suffix(1_500))")
        let report = try JSONParser().parse(Array(only.out.utf8)).value()
        let endpoints = Set(report["results"]?.arrayValue?.compactMap { $0["endpoint"]?.stringValue } ?? [])
        #expect(endpoints == ["fetchTerm", "fetchTermsForPolicy", "fetchTermPayable", "fetchTermSummary"])
        #expect(only.err.contains("Result: conforms"), "the summary goes to standard error when the report takes standard output")
    }

    @Test("--max-failures stops the run after that many failed checks, and says so", .timeLimit(.minutes(2)))
    func maxFailures() async throws {
        let result = try await LoopbackServer.with(ForeignBackends.FixedStatus(status: 403)) { url in
            try await check(["--base-url", url, "--token", "t", "--no-scenarios", "--max-failures", "3", "--quiet"])
        }
        #expect(result.code == .findings)
        #expect(result.out.contains("stopped after 3 failed check(s) (--max-failures 3)"), "\(result.out)")
        #expect(result.out.contains("Result: 3 violation(s) in 3 check(s)"), "\(result.out)")
        #expect(!result.out.contains("Failures"), "--quiet leaves the failures out")
    }

    @Test("a failure shows the request, the response body that explains it and a curl command without the token", .timeLimit(.minutes(2)))
    func failureDetails() async throws {
        let result = try await LoopbackServer.with(ForeignBackends.FixedStatus(status: 401)) { url in
            try await check(["--base-url", url, "--token", "s3cret-token", "--no-scenarios", "--endpoint", "fetchTerm", "--no-negative-probes"])
        }
        #expect(result.code == .findings)
        #expect(result.out.contains(#"response body: {"message":"request refused by the gateway","code":401}"#), "\(result.out)")
        #expect(result.out.contains("reproduce: curl -sS -X GET 'http://127.0.0.1:"), "\(result.out)")
        #expect(result.out.contains(#"-H "Authorization: Bearer $SURETY_TOKEN""#))
        #expect(!result.out.contains("s3cret-token") && !result.err.contains("s3cret-token"), "the token never reaches the output")
    }

    @Test("a report path in a folder that does not exist is a usage error, not a folder created")
    func missingReportFolder() async throws {
        let folder = "/tmp/surety-no-such-folder-\(UUID().uuidString)"
        #expect(throws: UsageError.self) { try CheckCommand(arguments: ["--report", "json:\(folder)/r.json"]) }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test("an unknown --start kind is a usage error listing the kinds; --start-from a missing file exits 2")
    func startErrors() async throws {
        let unknown = try await check(["--start", "polcy=01J6A00000000000000000PA01", "--no-scenarios"])
        #expect(unknown.code == .usage)
        #expect(unknown.err.contains("unknown kind; did you mean policy?"), "\(unknown.err)")
        let missing = try await check(["--start-from", "/nonexistent/recordings", "--no-scenarios"])
        #expect(missing.code == .failure)
    }

    @Test("an emulator holding other fixtures, checked with no token, says which options the run needs", .timeLimit(.minutes(2)))
    func customFixturesNeedOptions() async throws {
        let (emulator, url) = try await ForeignBackends.serve(["--emulate", "--fixtures", ForeignBackends.fixtures])
        let result = try await check(["--base-url", url])
        _ = await emulator.stop()
        #expect(result.code == .usage)
        #expect(result.err.contains("a Surety emulator holding its own fixtures: give --token and --tenant"), "\(result.err)")
    }

    @Test("GitHub annotations point at the failed scenario step's line and name a report only when one was written")
    func annotationsPointAtSteps() async throws {
        let scenario = Scenario(name: "s", file: "contracts/scenarios/s.json", steps: [
            Scenario.Step(name: "fetch", target: .endpoint("fetchTransaction"), expectation: .init(statuses: [201]),
                          location: SourceLocation(file: "/work/contracts/scenarios/s.json", position: TextPosition(line: 7, column: 5))),
        ])
        let report = await ConformanceRunner(contract: TestRepository.contract, backend: Self.generated,
                                             options: .init(negativeProbes: []), scenarios: [scenario], now: { 0 }).run()
        let lines = GitHubAnnotations.render(report, contract: TestRepository.contract, relativeTo: "/work")
        #expect(lines.first?.hasPrefix("::error file=contracts/scenarios/s.json,line=7,title=fetchTransaction scenario s%3A fetch::") == true, "\(lines)")
        #expect(!lines.contains { $0.contains("see ") })
    }
}
