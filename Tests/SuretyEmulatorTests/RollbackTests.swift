import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

/// A request that fails, a stateless preview and a GET change nothing: the backend keeps the store it ran the
/// request on a copy of, and the copy shares every table with it (``LocatorTable``).
@Suite struct RollbackTests {
    let policy = BuiltInFixtures.policyA1

    /// Every stored value of every tenant, table by table in locator order, as text: equal states give equal bytes.
    static func dump(_ state: EmulatorState) -> String {
        var lines: [String] = ["tokens \(state.tokens.keys.sorted())", "ids \(state.ids)"]
        func table<Value>(_ name: String, _ pairs: some Sequence<(key: String, value: Value)>) {
            for (key, value) in pairs.sorted(by: { $0.key < $1.key }) { lines.append("\(name) \(key) \(String(reflecting: value))") }
        }
        for (locator, store) in state.tenants.sorted(by: { $0.key < $1.key }) {
            lines.append("tenant \(locator) \(store.name)")
            table("product", store.products.map { (key: $0.key, value: $0.value) })
            table("account", store.accounts)
            table("quote", store.quotes)
            table("policy", store.policies)
            table("term", store.terms)
            table("transaction", store.transactions)
            table("segment", store.segments)
            table("document", store.documents)
            table("lattice", store.billing.lattices)
            table("settings", store.billing.settings)
            table("installment", store.billing.allInstallments.map { (key: $0.locator, value: $0) })
            table("job", store.jobs.jobs)
            lines.append("job settings \(String(reflecting: store.jobs.settings))")
        }
        return lines.joined(separator: "\n")
    }

    @Test("an issue refused at its last step, after initializing, validating, pricing, underwriting and accepting on the way, leaves the state byte-identical")
    func refusedAfterSeveralChanges() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let client = RecordingClient(backend: backend)
        let open = client.create(policy, "change", RebaseRuleTests.addDriver)
        #expect(client.operate(client.create(policy, "change", RebaseRuleTests.addVehicle), "issue") == "issued")
        let before = backend.snapshot
        let bytes = Self.dump(before)

        // From draft, issue builds the segment, validates, prices (charges, documents and their job), underwrites and
        // accepts, each stored on the request's copy, and is refused at the issue step: its base is no longer the head.
        #expect(client.send(.patch, "/policy/{t}/transactions/\(open)/issue?autoRebase=false").status == 422)

        #expect(backend.snapshot == before)
        #expect(Self.dump(backend.snapshot) == bytes)
        #expect(client.send(.get, "/policy/{t}/transactions/\(open)").json["transactionState"] == "draft")
        // The same request with rebasing allowed makes those changes and keeps them.
        #expect(client.operate(open, "issue") == "issued")
        #expect(Self.dump(backend.snapshot) != bytes)
    }

    @Test("a state taken before some writes keeps its bytes: the kept writes copy what they change, and a refused one keeps nothing")
    func earlierStateIsUntouched() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let client = RecordingClient(backend: backend)
        let changes = (0..<40).map { _ in client.create(policy, "change", RebaseRuleTests.addVehicle) }
        for locator in changes.prefix(20) { #expect(client.operate(locator, "price") == "priced") }
        let before = backend.snapshot
        let bytes = Self.dump(before)
        #expect(client.send(.patch, "/policy/{t}/transactions/\(changes[30])/issue?autoRebase=false").status == 200)
        let issued = backend.snapshot
        #expect(client.send(.patch, "/policy/{t}/transactions/\(changes[31])/issue?autoRebase=false").status == 422)
        #expect(backend.snapshot == issued, "the refused issue keeps nothing")
        #expect(issued != before, "the first issue is kept")
        #expect(Self.dump(before) == bytes, "the earlier state is not written through")
    }
}
