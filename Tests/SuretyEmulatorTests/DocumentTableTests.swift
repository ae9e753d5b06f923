import SuretyEmulator
import Testing

/// The documents table keeps each transaction's documents beside them (``DocumentTable``).
@Suite struct DocumentTableTests {
    /// Every transaction's documents found through the index, and by scanning every document.
    static func indexed(_ store: TenantStore) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: store.transactions.keys.map { ($0, store.documents.made(by: $0).map(\.locator).sorted()) })
    }

    static func scanned(_ store: TenantStore) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: store.transactions.keys.map { transaction in
            (transaction, store.documents.values.filter { $0.transactionLocator == transaction }.map(\.locator).sorted())
        })
    }

    @Test("the index names exactly the documents each transaction made, after documents are made, changed in place and removed")
    func indexFollowsWrites() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let client = RecordingClient(backend: backend)
        let change = client.create(BuiltInFixtures.policyA1, "change", RebaseRuleTests.addVehicle)
        #expect(client.operate(change, "issue") == "issued")
        var store = try #require(backend.snapshot.tenants[BuiltInFixtures.tenantA])
        #expect(!store.documents.made(by: change).isEmpty)
        #expect(Self.indexed(store) == Self.scanned(store))
        let first = try #require(store.documents.made(by: change).first)
        store.documents[first.locator]?.jobLocator = "JOB"
        #expect(store.documents.made(by: change).first?.jobLocator == "JOB")
        store.documents[first.locator] = nil
        #expect(!store.documents.made(by: change).contains { $0.locator == first.locator })
        #expect(Self.indexed(store) == Self.scanned(store))
    }
}
