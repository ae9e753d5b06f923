import Foundation
import SuretyEmulator
import SuretyEmulatorState
import SuretyJSON
import SuretySchemas
import SuretyTestSupport
import Testing

@Suite struct StateJournalTests {
    let document = try! JSONParser().parse(BuiltInFixtures.json).value()

    func open(_ directory: String, seed: UInt64 = 42) throws -> (EmulatedBackend, StateJournal) {
        let journal = try StateJournal(directory: directory, seed: seed, fixtures: document, now: EmulatorTestSupport.start)
        let backend = try EmulatedBackend(contract: EmulatorTestSupport.contract, clock: .manual(journal.createdAt), seed: seed)
        try backend.restore(from: journal, clock: .manual(EmulatorTestSupport.start))
        return (backend, journal)
    }

    @Test("replaying the journal rebuilds exactly the same state: calls, clock changes, fixtures and resets")
    func replayIsExact() throws {
        let directory = try TestRepository.temporaryDirectory("surety-journal")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let expected = try record(in: directory)
        let (restored, journal) = try open(directory)
        #expect(journal.recorded.count == 7)
        #expect(journal.skippedLine == nil)
        #expect(restored.snapshot == expected)
    }

    /// Opens a journal in `directory`, changes the state in every journaled way, and answers the state; the backend
    /// and its journal (and the journal's lock) are released on return.
    func record(in directory: String) throws -> EmulatorState {
        let (backend, _) = try open(directory)
        let client = RecordingClient(backend: backend)
        let change = client.create(BuiltInFixtures.policyA1, "change", #"[{"action": "params", "effectiveTime": "2024-11-01T00:00:00Z"}]"#)
        #expect(client.operate(change, "price") == "priced")
        #expect(client.operate(change, "underwrite", query: "?stateless=true") == "underwritten")
        try backend.advanceClock(bySeconds: 3_600)
        try backend.reset()
        let again = client.create(BuiltInFixtures.policyA1, "change", #"[{"action": "params", "effectiveTime": "2024-12-01T00:00:00Z"}]"#)
        #expect(client.operate(again, "issue") == "issued")
        let extra = #"{"tenants": [{"locator": "5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003", "products": [\#(BuiltInFixtures.product)]}], "tokens": []}"#
        try backend.addFixtures(document: Array(extra.utf8), file: "extra")
        return backend.snapshot
    }

    @Test("a restart on a running clock rebuilds billing and jobs exactly, including jobs a GET saw move and fixtures added at run time")
    func replayOfBillingAndJobsIsExact() throws {
        let directory = try TestRepository.temporaryDirectory("surety-journal")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let expected = try recordBillingAndJobs(in: directory)
        let journal = try StateJournal(directory: directory, seed: 42, fixtures: document, now: EmulatorTestSupport.start)
        let restored = try EmulatedBackend(contract: EmulatorTestSupport.contract, clock: .manual(journal.createdAt), seed: 42)
        try restored.restore(from: journal, clock: .system)
        let state = restored.snapshot
        for tenant in [BuiltInFixtures.tenantA, Self.tenantC] {
            #expect(state.tenants[tenant]?.billing == expected.tenants[tenant]?.billing, "billing of \(tenant)")
            #expect(state.tenants[tenant]?.jobs == expected.tenants[tenant]?.jobs, "jobs of \(tenant)")
        }
        #expect(state == expected)
    }

    static let tenantC = "5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003"
    /// A fixtures document adding tenant C with an account and policy `01J6A00000000000000000PC01`.
    static let tenantCWithPolicy = """
        {"tenants": [{"locator": "\(tenantC)", "products": [\(BuiltInFixtures.product)],
          "accounts": [{"locator": "01J6A00000000000000000AC01"}],
          "policies": [{"locator": "01J6A00000000000000000PC01", "accountLocator": "01J6A00000000000000000AC01",
            "productName": "PersonalAuto", "startTime": "2024-08-21T00:00:00Z", "endTime": "2025-08-21T00:00:00Z",
            "element": {"type": "PersonalAuto", "elements": [{"type": "Vehicle", "data": {"vin": "C1"}}]}}]}]}
        """

    /// On a journal and a running clock: issues a billed change, watches its installment job move through GETs,
    /// previews statelessly and adds a tenant with a policy at run time; answers the state.
    func recordBillingAndJobs(in directory: String) throws -> EmulatorState {
        let journal = try StateJournal(directory: directory, seed: 42, fixtures: document, now: EmulatorTestSupport.start)
        let backend = try EmulatedBackend(contract: EmulatorTestSupport.contract, clock: .manual(journal.createdAt), seed: 42)
        try backend.restore(from: journal, clock: .system)
        try backend.setClock(to: EmulatorTestSupport.start)
        let client = RecordingClient(backend: backend)
        let vehicle = #"{"action": "add", "element": {"type": "Vehicle", "data": {"vin": "R1"}}}"#
        let change = client.create(BuiltInFixtures.policyA1, "change", #"[{"action": "params", "effectiveTime": "2024-11-01T00:00:00Z"}, \#(vehicle)]"#)
        #expect(client.operate(change, "issue") == "issued")
        #expect(client.send(.get, "/billing/{t}/installments/transactions/\(change)/list").json.arrayValue?.isEmpty == false)
        // Tenant A's jobs end at once (its jobSettings), so the GET sees a job the stored state still has queued.
        let jobs = "/billing/{t}/jobs/installments/transactions/\(change)/list"
        #expect(client.send(.get, jobs).json[0]?["jobStatus"] == "finished")
        #expect(backend.snapshot.tenants[BuiltInFixtures.tenantA]?.jobs.list(.installments, reference: change).first?.state == .queued)
        try backend.advanceClock(bySeconds: 60)
        #expect(client.send(.get, jobs).json[0]?["jobStatus"] == "finished")
        let other = client.create(BuiltInFixtures.policyA1, "change", #"[{"action": "params", "effectiveTime": "2025-01-01T00:00:00Z"}, \#(vehicle)]"#)
        #expect(client.operate(other, "underwrite", query: "?stateless=true") == "underwritten")
        try backend.addFixtures(document: Array(Self.tenantCWithPolicy.utf8), file: "extra")
        #expect(client.violations.isEmpty, "\(client.violations)")
        return backend.snapshot
    }

    @Test("fixtures given as values are added without a journal, and refused with a journal attached, which then still rebuilds the state")
    func unjournaledFixturesAreRefused() throws {
        let directory = try TestRepository.temporaryDirectory("surety-journal")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let extra = #"{"tenants": [{"locator": "\#(Self.tenantC)", "products": [\#(BuiltInFixtures.product)]}], "tokens": []}"#
        let fixtures = try EmulatorFixtures.load(bytes: Array(extra.utf8), file: "extra")
        let inMemory = try EmulatorTestSupport.makeBackend()
        try inMemory.addFixtures(fixtures)
        #expect(inMemory.snapshot.tenants[Self.tenantC] != nil)

        let path = directory + "/journal.ndjson"
        let expected: EmulatorState
        do {
            let (backend, _) = try open(directory)
            try backend.advanceClock(bySeconds: 60)
            let before = backend.snapshot
            let journalBefore = try String(contentsOfFile: path, encoding: .utf8)
            #expect(throws: EmulatorAdminError.notSaved(.notJournaled(
                path: path, change: "fixtures given as values",
                instead: "send them as a document (POST /__surety/fixtures, addFixtures(document:file:))"))) {
                try backend.addFixtures(fixtures)
            }
            #expect(backend.snapshot == before)
            #expect(backend.snapshot.tenants[Self.tenantC] == nil)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == journalBefore)
            let other = try TestRepository.temporaryDirectory("surety-journal-other")
            defer { try? FileManager.default.removeItem(atPath: other) }
            let second = try StateJournal(directory: other, seed: 42, fixtures: document, now: EmulatorTestSupport.start)
            #expect(throws: JournalError.notJournaled(path: path, change: "replaying another journal (\(second.path))",
                                                      instead: "build a new backend for it")) {
                try backend.restore(from: second, clock: .system)
            }
            #expect(backend.snapshot == before)
            // The journaled way still works on the same backend.
            try backend.addFixtures(document: Array(extra.utf8), file: "extra")
            expected = backend.snapshot
        }
        let (restored, _) = try open(directory)
        #expect(restored.snapshot == expected)
        #expect(restored.snapshot.tenants[Self.tenantC] != nil)
    }

    @Test("a journal written with another seed or other fixtures is refused with the reason")
    func mismatchedHeader() throws {
        let directory = try TestRepository.temporaryDirectory("surety-journal")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try StateJournal(directory: directory, seed: 1, fixtures: document, now: EmulatorTestSupport.start)
        #expect(throws: JournalError.mismatchedHeader(path: directory + "/journal.ndjson", reason: "the journal was written with --seed 1, not 2")) {
            try StateJournal(directory: directory, seed: 2, fixtures: self.document, now: EmulatorTestSupport.start)
        }
        #expect(throws: JournalError.mismatchedHeader(path: directory + "/journal.ndjson", reason: "the journal was written for other fixtures")) {
            try StateJournal(directory: directory, seed: 1, fixtures: .object([]), now: EmulatorTestSupport.start)
        }
    }

    @Test("a journal of the previous format (whose replay would make other locators) is refused, saying why")
    func previousFormat() throws {
        let directory = try TestRepository.temporaryDirectory("surety-journal")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try StateJournal(directory: directory, seed: 1, fixtures: document, now: EmulatorTestSupport.start)
        let path = directory + "/journal.ndjson"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: StateJournal.format, with: "emulator-journal/1").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: JournalError.mismatchedHeader(path: path, reason: "the header is emulator-journal/1, not emulator-journal/2: a journal "
                                                        + "of another Surety version, whose replay would make other locators; start with an empty --state directory")) {
            try StateJournal(directory: directory, seed: 1, fixtures: self.document, now: EmulatorTestSupport.start)
        }
    }

    @Test("a second open of the same journal while the first holds it is refused")
    func locked() throws {
        let directory = try TestRepository.temporaryDirectory("surety-journal")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try StateJournal(directory: directory, seed: 1, fixtures: document, now: EmulatorTestSupport.start)
        #expect(throws: JournalError.inUse(path: directory + "/journal.ndjson")) {
            try StateJournal(directory: directory, seed: 1, fixtures: self.document, now: EmulatorTestSupport.start)
        }
        withExtendedLifetime(first) {}
    }
}
