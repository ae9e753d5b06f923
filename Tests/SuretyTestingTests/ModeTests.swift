import Foundation
import SuretyConformance
import SuretyEmulator
import SuretyHTTPCore
import SuretyRecordings
import SuretyServing
import SuretyTestSupport
import SuretyTesting
import Testing

/// Each mode answers a client's requests through an intercepted `URLSession`, with no server started.
struct ModeTests {
    static let recordedTenant = "5f0c4e3a-8b2d-4c1e-9a7f-3d6b2e1c0a94"
    static let recordedTransaction = "01J8Z3K6Q4M7N2P5R8T1V4W7XA"

    @Test(.surety(.mock(seed: 7)))
    func theMockAnswersAContractShapedTransaction() async throws {
        let surety = try #require(SuretySession.current)
        let answer = try await API.send(surety, "GET", "/policy/\(API.tenant)/transactions/\(API.policy)")
        #expect(answer.status == 200)
        #expect(answer.body["transactionState"] is String)
        #expect(surety.journal.count(of: "fetchTransaction") == 1)
        #expect(surety.findings.isEmpty)
    }

    @Test(.surety(.emulate))
    func theEmulatorCreatesPricesAndIssuesAChange() async throws {
        let surety = try #require(SuretySession.current)
        let change = try await API.createChange(surety)
        let locator = try #require(change.locator)
        let priced = try await API.send(surety, "PATCH", "/policy/\(API.tenant)/transactions/\(locator)/price")
        #expect(priced.body["transactionState"] as? String == "priced")
        let issued = try await API.send(surety, "PATCH", "/policy/\(API.tenant)/transactions/\(locator)/issue")
        #expect(issued.body["transactionState"] as? String == "issued")
        #expect(surety.journal.entries.map(\.endpointID) == ["changePolicy", "priceTransaction", "issueTransaction"])
        await surety.reset()
        #expect(surety.journal.count == 0)
        let fetched = try await API.send(surety, "GET", "/policy/\(API.tenant)/transactions/\(locator)")
        #expect(fetched.status == 404)
    }

    @Test(.surety(.replay(TestRepository.root + "/recordings")))
    func replayAnswersTheRecordedTransaction() async throws {
        let surety = try #require(SuretySession.current)
        let answer = try await API.send(surety, "GET", "/policy/\(Self.recordedTenant)/transactions/\(Self.recordedTransaction)")
        #expect(answer.status == 200)
        #expect(answer.body["locator"] as? String == Self.recordedTransaction)
    }

    @Test func replayOfAHARFileAnswersItsEntries() async throws {
        let folder = try TestRepository.temporaryDirectory("har")
        let recorded = try RecordingStore.read(directory: TestRepository.root + "/recordings").exchanges.map(\.exchange)
        let har = folder + "/api.har"
        try Data(HARConverter(baseURL: "http://api.example.com").exportBytes(recorded)).write(to: URL(fileURLWithPath: har))
        let surety = try SuretySession(.replay(har))
        let answer = try await API.send(surety, "GET", "/policy/\(Self.recordedTenant)/transactions/\(Self.recordedTransaction)")
        #expect(answer.status == 200)
        #expect(surety.findings.isEmpty)
    }

    @Test func recordWritesEachExchangeRedactedWithoutTheSessionHeader() async throws {
        let folder = try TestRepository.temporaryDirectory("record")
        let checker = try ContractDirectory.checker()
        let upstream = checker.validating(MockResponder(checker: checker))
        try await LoopbackServer.with(upstream) { base in
            let surety = try SuretySession(.record(into: folder, upstream: URL(string: base)!))
            let answer = try await API.send(surety, "GET", "/policy/\(API.tenant)/transactions/\(API.policy)")
            #expect(answer.status == 200)
        }
        let stored = try RecordingStore.read(directory: folder).exchanges
        #expect(stored.count == 1)
        let text = try String(contentsOfFile: folder + "/" + stored[0].file, encoding: .utf8)
        #expect(!text.contains(API.token))
        #expect(!text.contains(SessionRegistry.header))
    }

    @Test(.surety(.stubs))
    func aPinnedStubAnswersItsCountOfRequestsAfterItsDelay() async throws {
        let surety = try #require(SuretySession.current)
        try surety.pin(Stub("GET", "/billing/{tenantLocator}/installments/transactions/*/list",
                            json: "[]", times: 1, delay: .milliseconds(20)))
        let path = "/billing/\(API.tenant)/installments/transactions/\(API.policy)/list"
        let clock = ContinuousClock()
        let start = clock.now
        let first = try await API.send(surety, "GET", path)
        #expect(start.duration(to: clock.now) >= .milliseconds(20))
        #expect(first.status == 200)
        try await withKnownIssue {
            let second = try await API.send(surety, "GET", path)
            #expect(second.status == 404)
            surety.reportFindings()
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("no stub pinned for GET \(path)") }
        }
    }
}
