import Foundation
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyRecordings
import SuretyTestSupport
import Testing

/// Keeps the example recordings of the repository (`recordings/`, recorded from `surety serve --mock`) in step with
/// the contract, so that `surety serve --replay recordings/` works on a fresh clone.
@Suite("The repository's example recordings")
struct ExampleRecordingsTests {
    static var root: String { TestRepository.root }

    @Test("every file reads without an issue and every exchange conforms to the current contract")
    func conform() throws {
        let contract = try ContractLoader().load(directory: Self.root + "/contracts").0
        let set = try RecordingStore.read(directory: Self.root + "/recordings")
        #expect(set.issues.isEmpty, "\(set.issues.map(\.description))")
        #expect(set.exchanges.count >= 8)
        let results = RecordingChecker(checker: ExchangeChecker(contract: contract)).check(set.exchanges)
        let failures = results.filter { !$0.passed }.map { "\($0.file): \($0.violations.map(\.description))" }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("every recording replays: its own request finds it")
    func replays() async throws {
        let contract = try ContractLoader().load(directory: Self.root + "/contracts").0
        let (replay, skipped) = try ReplayResponder.load(directory: Self.root + "/recordings", checker: ExchangeChecker(contract: contract))
        #expect(skipped.isEmpty)
        for stored in try RecordingStore.read(directory: Self.root + "/recordings").exchanges {
            let request = stored.exchange.request.httpRequest
            guard case .matched = replay.replay(request) else {
                Issue.record("\(stored.file) does not replay")
                continue
            }
        }
    }
}
