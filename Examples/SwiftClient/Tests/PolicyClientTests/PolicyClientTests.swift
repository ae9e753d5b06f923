import Foundation
import PolicyClient
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyTesting
import Testing

/// The client against Surety in-process: one test per mode, the contract as the oracle, parallel emulators.
struct PolicyClientTests {
    static let tenant = "5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001"
    static let policy = "01J6A00000000000000000PA01"
    static let recordings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../recordings").standardized.path

    /// The client under test, on the running test's session.
    static func client(_ surety: SuretySession, tenant: String = tenant) -> PolicyClient {
        PolicyClient(baseURL: surety.baseURL, tenant: tenant, token: "surety-token", session: surety.urlSession)
    }

    @Test(.surety(.emulate))
    func aChangeIsCreatedPricedAndIssuedAndItsInstallmentsRead() async throws {
        let surety = try #require(SuretySession.current)
        let client = Self.client(surety)
        let change = try await client.createChange(policy: Self.policy, addingVehicle: "2T1BURHE0JC012345", effectiveTime: "2024-09-21T00:00:00Z")
        #expect(try await client.fetchTransaction(change.locator).transactionState == "draft")
        #expect(try await client.price(change.locator).transactionState == "priced")
        #expect(try await client.issue(change.locator).transactionState == "issued")
        _ = try await client.installments(of: change.locator)
        #expect(surety.journal.count(of: "fetchTransaction") == 1)
    }

    @Test(.surety(.mock(seed: 1)))
    func theMockAnswersEveryCallInTheContractsShapes() async throws {
        let surety = try #require(SuretySession.current)
        let transaction = try await Self.client(surety).fetchTransaction(Self.policy)
        #expect(!transaction.transactionState.isEmpty)
    }

    @Test(.surety(.replay(recordings)))
    func aRecordedTransactionIsReplayed() async throws {
        let surety = try #require(SuretySession.current)
        let client = Self.client(surety, tenant: "5f0c4e3a-8b2d-4c1e-9a7f-3d6b2e1c0a94")
        #expect(try await client.fetchTransaction("01J8Z3K6Q4M7N2P5R8T1V4W7XA").locator == "01J8Z3K6Q4M7N2P5R8T1V4W7XA")
    }

    @Test func theClientsTrafficIsRecordedFromARealServer() async throws {
        let upstream = try SuretySession(.mock)
        let server = HTTPServer(responder: CallbackResponder { await upstream.respond(to: $0) })
        let port = try server.start()
        let folder = NSTemporaryDirectory() + "/swift-client-\(UUID().uuidString)"
        let surety = try SuretySession(.record(into: folder, upstream: URL(string: "http://127.0.0.1:\(port)")!))
        let transaction = try await Self.client(surety).fetchTransaction(Self.policy)
        await server.stop(gracePeriod: .seconds(1))
        #expect(!transaction.transactionState.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/fetchTransaction").count == 1)
    }

    @Test(.surety(.stubs))
    func aPinnedStubAnswersTheClient() async throws {
        let surety = try #require(SuretySession.current)
        try surety.pin(Stub("GET", "/billing/{tenantLocator}/installments/transactions/{transactionLocator}/list", json: "[]", times: 1))
        #expect(try await Self.client(surety).installments(of: "01J6A00000000000000000TX01").isEmpty)
        #expect(surety.journal.count(of: "fetchInstallmentsForPolicyTransaction") == 1)
    }
}
