import Foundation
import SuretyConformance
import SuretyContracts
import SuretyEmulator
import SuretyHTTPTransport
import SuretyRecordings
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// Two recordings of the same `check` run, each against a fresh emulator behind a recorder over 127.0.0.1, diffed.
@Suite("surety diff of two recordings of the same traffic from fresh backends")
struct DiffFreshBackendsTests {
    /// Runs the repository's scenarios and probes through an in-process recorder in front of a fresh
    /// `surety serve --emulate` process (its own clock and identifiers) on a loopback port.
    static func record(into directory: String) async throws {
        // --quiet: nothing reads the server's log while it runs, and a full pipe would stall it.
        let process = try RunningProcess(arguments: ["serve", "--emulate", "--port", "0", "--quiet", "--contracts", TestRepository.contracts])
        let line = try #require(await process.readLine(timeout: 30), "serve printed its address")
        let base = try #require(line.split(separator: " ").last.map(String.init))
        let client = UpstreamClient(baseURL: try #require(URL(string: base)), timeout: .seconds(30))
        let store = try RecordingStore(directory: directory, syncsToStorage: false)
        let recorder = RecordingResponder(upstream: client, checker: ExchangeChecker(contract: TestRepository.contract), store: store)
        let contract = TestRepository.contract
        let scenarios = try ScenarioLoader(contract: contract).load(directory: TestRepository.contracts + "/scenarios").scenarios
        var options = ConformanceRunner.Options()
        options.tenant = BuiltInFixtures.tenantA
        options.token = "surety-token"
        _ = await ConformanceRunner(contract: contract, backend: recorder, options: options, scenarios: scenarios).run()
        #expect(await process.stop().status == 0)
    }

    @Test("the same check recorded from two fresh emulators differs in nothing, even with --fail-on any")
    func freshBackendsDifferInNothing() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-fresh-backends")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await Self.record(into: directory + "/one")
        try await Self.record(into: directory + "/two")
        let result = await surety(["diff", directory + "/one", directory + "/two", "--fail-on", "any"] + contractsArgument)
        #expect(result.out.hasPrefix("no differences; "), "\(result.out.prefix(4000))")
        #expect(result.code == .success)
    }
}
