import Foundation
import SuretyEmulator
import SuretyEmulatorState
import SuretyJSON
import SuretyTestSupport
import Testing

/// `EmulatorLimits.maxRecordsPerTenant`: a tenant's store is bounded; a change that would take it past the bound is
/// refused with 507 and undone, at the limit and one over, and nothing else is held back.
@Suite struct TenantLimitTests {
    let policy = BuiltInFixtures.policyA1
    let change = #"[{"action": "params", "effectiveTime": "2024-11-01T00:00:00Z"}]"#

    /// Tenant A's record count in a backend.
    func records(_ backend: EmulatedBackend, _ tenant: String = BuiltInFixtures.tenantA) -> Int {
        backend.snapshot.tenants[tenant]?.recordCount ?? -1
    }

    /// A backend whose limit is tenant A's fixtures plus `room` records.
    func backend(room: Int) throws -> EmulatedBackend {
        let loaded = try EmulatorTestSupport.makeBackend()
        return try EmulatedBackend(contract: EmulatorTestSupport.contract, clock: .manual(EmulatorTestSupport.start), seed: 42,
                                   limits: EmulatorLimits(maxRecordsPerTenant: records(loaded) + room))
    }

    /// How many records creating one change adds to tenant A.
    func recordsPerChange() throws -> Int {
        let backend = try EmulatorTestSupport.makeBackend()
        let before = records(backend)
        #expect(RecordingClient(backend: backend).create(policy, "change", change) != "missing")
        return records(backend) - before
    }

    @Test("a change that brings the tenant exactly to the limit is kept; the next, one change over, is refused with 507 and changes nothing")
    func atTheLimitAndOneOver() throws {
        let added = try recordsPerChange()
        #expect(added > 0)
        let backend = try backend(room: added)
        let client = RecordingClient(backend: backend)
        let first = client.create(policy, "change", change)
        #expect(first != "missing")
        #expect(records(backend) == backend.limits.maxRecordsPerTenant)

        let before = backend.snapshot
        let refused = client.send(.patch, "/policy/{t}/policies/\(policy)/change", change)
        #expect(refused.status == 507)
        #expect(refused.json["title"] == "Emulator state limit reached")
        let detail = refused.json["detail"]?.stringValue ?? ""
        #expect(detail.contains("holding \(backend.limits.maxRecordsPerTenant + added) records"))
        #expect(detail.contains("limit of \(backend.limits.maxRecordsPerTenant) (--max-records)"))
        #expect(backend.snapshot == before)
        // Reads, and writes that add no record, still go ahead at the limit.
        #expect(client.send(.get, "/policy/{t}/transactions/\(first)").status == 200)
        #expect(client.operate(first, "discard") == "discarded")
    }

    @Test("one record short of a change's records refuses it")
    func oneShort() throws {
        let backend = try backend(room: try recordsPerChange() - 1)
        let before = backend.snapshot
        #expect(RecordingClient(backend: backend).send(.patch, "/policy/{t}/policies/\(policy)/change", change).status == 507)
        #expect(backend.snapshot == before)
    }

    @Test("the limit is per tenant: a full tenant does not hold back another")
    func perTenant() throws {
        let backend = try backend(room: 0)
        #expect(RecordingClient(backend: backend).send(.patch, "/policy/{t}/policies/\(policy)/change", change).status == 507)
        let other = RecordingClient(backend: backend)
        other.client.tenant = BuiltInFixtures.tenantB
        other.client.token = "surety-token-b"
        let policyB = backend.snapshot.tenants[BuiltInFixtures.tenantB]?.policies.keys.sorted().first ?? "none"
        #expect(other.send(.patch, "/policy/{t}/policies/\(policyB)/change", change).status == 200)
    }

    @Test("fixtures that hold more records than the limit are refused at start and when added at run time, naming the tenant")
    func fixturesOverTheLimit() throws {
        let full = records(try EmulatorTestSupport.makeBackend())
        #expect(throws: Never.self) {
            try EmulatedBackend(contract: EmulatorTestSupport.contract, limits: EmulatorLimits(maxRecordsPerTenant: full))
        }
        do {
            _ = try EmulatedBackend(contract: EmulatorTestSupport.contract, limits: EmulatorLimits(maxRecordsPerTenant: full - 1))
            Issue.record("fixtures over the limit were loaded")
        } catch {
            #expect(error.issues.first?.reason == .overLimit(tenant: BuiltInFixtures.tenantA, records: full, limit: full - 1))
            #expect(error.description.contains("would hold \(full) records, over the emulator's limit of \(full - 1)"))
        }
        let backend = try backend(room: 0)
        #expect(throws: EmulatorAdminError.self) { try backend.addFixtures(document: Array(Self.extraAccount.utf8), file: "extra.json") }
        #expect(records(backend) == backend.limits.maxRecordsPerTenant)
    }

    @Test("a journal replays the calls and fixtures it kept even under a lower limit (they were within the limit when they ran); over it, a write that adds no record still goes ahead, and fixtures for another tenant are not held back")
    func replayKeepsWhatWasKept() throws {
        let directory = try TestRepository.temporaryDirectory("surety-limit-journal")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let document = try JSONParser().parse(BuiltInFixtures.json).value()
        let expected: EmulatorState
        let made: String
        do {
            let journal = try StateJournal(directory: directory, seed: 42, fixtures: document, now: EmulatorTestSupport.start)
            let backend = try EmulatedBackend(contract: EmulatorTestSupport.contract, clock: .manual(journal.createdAt), seed: 42)
            try backend.restore(from: journal, clock: .manual(EmulatorTestSupport.start))
            made = RecordingClient(backend: backend).create(policy, "change", change)
            #expect(made != "missing")
            try backend.addFixtures(document: Array(Self.extraAccount.utf8), file: "extra.json")
            expected = backend.snapshot
        }
        let journal = try StateJournal(directory: directory, seed: 42, fixtures: document, now: EmulatorTestSupport.start)
        let fixturesOnly = records(try EmulatorTestSupport.makeBackend())
        let restored = try EmulatedBackend(contract: EmulatorTestSupport.contract, clock: .manual(journal.createdAt), seed: 42,
                                           limits: EmulatorLimits(maxRecordsPerTenant: fixturesOnly))
        try restored.restore(from: journal, clock: .manual(EmulatorTestSupport.start))
        #expect(restored.snapshot == expected)
        #expect(records(restored) > restored.limits.maxRecordsPerTenant)
        let client = RecordingClient(backend: restored)
        #expect(client.send(.patch, "/policy/{t}/policies/\(policy)/change", change).status == 507)
        #expect(client.operate(made, "discard") == "discarded")
        // Fixtures for another tenant are not held back by this one; fixtures naming it are.
        let other = #"{"tenants": [{"locator": "5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003", "products": [\#(BuiltInFixtures.product)]}], "tokens": []}"#
        try restored.addFixtures(document: Array(other.utf8), file: "other.json")
        #expect(restored.snapshot.tenants["5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003"] != nil)
        let more = Self.extraAccount.replacingOccurrences(of: "AA77", with: "AA78")
        #expect(throws: EmulatorAdminError.self) { try restored.addFixtures(document: Array(more.utf8), file: "more.json") }
    }

    /// Fixtures that add one account to tenant A.
    static let extraAccount = #"{"tenants": [{"locator": "\#(BuiltInFixtures.tenantA)", "accounts": [{"locator": "01J6A00000000000000000AA77", "name": "Extra"}]}], "tokens": []}"#
}
