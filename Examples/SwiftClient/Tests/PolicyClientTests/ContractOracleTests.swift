import Foundation
import PolicyClient
import SuretyTesting
import Testing

/// The contract as the oracle of the client's tests: a request that breaks it fails the test with the violation, a
/// replay miss names the nearest recordings, and parallel tests never share an emulator.
struct ContractOracleTests {
    @Test(.surety(.emulate))
    func aMalformedLocatorFailsWithThePointerAndRule() async throws {
        let surety = try #require(SuretySession.current)
        await withKnownIssue {
            await #expect(throws: PolicyClient.Failure.self) { try await PolicyClientTests.client(surety).fetchTransaction("not-a-locator") }
            surety.reportFindings()
        } matching: { issue in
            issue.comments.contains { comment in
                comment.rawValue.contains("endpoint fetchTransaction (")
                    && comment.rawValue.contains("path /locator: format: expected locator, got \"not-a-locator\"")
            }
        }
    }

    @Test(.surety(.replay(PolicyClientTests.recordings)))
    func aReplayMissReportsTheNearestRecordings() async throws {
        let surety = try #require(SuretySession.current)
        let client = PolicyClientTests.client(surety, tenant: "5f0c4e3a-8b2d-4c1e-9a7f-3d6b2e1c0a94")
        await withKnownIssue {
            await #expect(throws: PolicyClient.Failure.self) { try await client.fetchTransaction("01J8Z3K6Q4M7N2P5R8T1V4W7XB") }
            surety.reportFindings()
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("matches no recording") && $0.rawValue.contains("1. fetchTransaction/000001-4ffa378d.json") }
        }
    }

    @Test(.surety(.emulate), arguments: 0..<8)
    func eightEmulatorsInParallelDoNotInterfere(round: Int) async throws {
        let surety = try #require(SuretySession.current)
        let client = PolicyClientTests.client(surety)
        let change = try await client.createChange(policy: PolicyClientTests.policy, addingVehicle: "2T1BURHE0JC01234\(round)",
                                                   effectiveTime: "2024-09-21T00:00:00Z")
        for _ in 0...round { _ = try await client.fetchTransaction(change.locator) }
        #expect(change.locator == "01J92P0V000HTJXBF54D5NKM03")
        #expect(surety.journal.count(of: "fetchTransaction") == round + 1)
        #expect(surety.journal.count == round + 2)
    }
}
