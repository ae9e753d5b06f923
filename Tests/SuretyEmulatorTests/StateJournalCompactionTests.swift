import Foundation
@testable import SuretyEmulator
@testable import SuretyEmulatorState
import SuretyJSON
import SuretySchemas
import SuretyTestSupport
import Testing

/// Start-up compaction of the `--state` journal: what the last reset made unobservable goes, atomically, and the
/// shorter journal replays to exactly the same state.
@Suite struct StateJournalCompactionTests {
    let document = try! JSONParser().parse(BuiltInFixtures.json).value()

    func open(_ directory: String, compactingAtLeast threshold: Int = JournalCompaction.threshold) throws -> (EmulatedBackend, StateJournal) {
        let journal = try StateJournal(directory: directory, seed: 42, fixtures: document, now: EmulatorTestSupport.start)
        let backend = try EmulatedBackend(contract: EmulatorTestSupport.contract, clock: .manual(journal.createdAt), seed: 42)
        try backend.restore(from: journal, clock: .manual(EmulatorTestSupport.start), compactingAtLeast: threshold)
        return (backend, journal)
    }

    func lines(_ directory: String) throws -> [String] {
        try String(contentsOfFile: directory + "/" + StateJournal.fileName, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// Changes, a clock move and run-time fixtures (with a change on them) before a reset, a change and a clock move
    /// after it; answers the state. The backend and its journal's lock are released on return.
    func record(in directory: String) throws -> EmulatorState {
        let (backend, _) = try open(directory)
        let client = RecordingClient(backend: backend)
        let before = client.create(BuiltInFixtures.policyA1, "change", #"[{"action": "params", "effectiveTime": "2024-11-01T00:00:00Z"}]"#)
        #expect(client.operate(before, "price") == "priced")
        try backend.advanceClock(bySeconds: 3_600)
        try backend.addFixtures(document: Array(StateJournalTests.tenantCWithPolicy.utf8), file: "extra")
        let onC = RecordingClient(backend: backend)
        onC.client.token = "surety-admin"
        onC.client.tenant = StateJournalTests.tenantC
        #expect(onC.operate(onC.create("01J6A00000000000000000PC01", "change", "[]"), "issue") == "issued")
        try backend.reset()
        let after = client.create(BuiltInFixtures.policyA1, "change", #"[{"action": "params", "effectiveTime": "2024-12-01T00:00:00Z"}]"#)
        #expect(client.operate(after, "issue") == "issued")
        try backend.advanceClock(bySeconds: 60)
        #expect(client.violations.isEmpty && onC.violations.isEmpty, "\(client.violations) \(onC.violations)")
        return backend.snapshot
    }

    /// A journal recorded in a new folder: the folder, the state it holds, the journal's path and its bytes.
    func recorded() throws -> (directory: String, expected: EmulatorState, path: String, bytes: Data) {
        let directory = try TestRepository.temporaryDirectory("surety-compaction")
        let expected = try record(in: directory)
        let path = directory + "/" + StateJournal.fileName
        return (directory, expected, path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test("start-up drops the calls and clock moves a later reset undid, keeps fixtures with the generator's state, and replays to the same state")
    func compactsFaithfully() throws {
        let directory = try TestRepository.temporaryDirectory("surety-compaction")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let expected = try record(in: directory)
        #expect(try lines(directory).count == 11, "the header and 10 entries")
        let state: EmulatorState
        do {
            let (compacted, journal) = try open(directory, compactingAtLeast: 1)
            #expect(compacted.snapshot == expected)
            #expect(journal.droppedByCompaction == 3, "two calls and a clock move before the fixtures, two calls after them, less the locators line")
            let written = try lines(directory)
            #expect(written.count == 1 + 7)
            #expect(written.map { String($0.prefix(12)) } == [#"{"surety":"e"#, #"{"locators":"#, #"{"fixtures":"#, #"{"clock":"ma"#, #"{"reset":tru"#,
                                                              #"{"call":"cha"#, #"{"call":"iss"#, #"{"clock":"ma"#])
            // The compacted file is the journal from now on: a later change is appended to it.
            let client = RecordingClient(backend: compacted)
            _ = client.create(BuiltInFixtures.policyA1, "change", "[]")
            state = compacted.snapshot
        }
        let (reopened, journal) = try open(directory, compactingAtLeast: 1)
        #expect(journal.droppedByCompaction == 0, "nothing more to drop")
        #expect(reopened.snapshot == state)
        #expect(try lines(directory).count == 1 + 8)
    }

    @Test("below the threshold the journal is left byte for byte as it was")
    func belowThreshold() throws {
        let (directory, expected, path, bytes) = try recorded()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (backend, journal) = try open(directory, compactingAtLeast: 4)
        #expect(journal.droppedByCompaction == 0)
        #expect(backend.snapshot == expected)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("a rewrite that fails is reported and changes nothing: the state is replayed and the old journal stays in use")
    func failedRewrite() throws {
        let (directory, expected, path, bytes) = try recorded()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A folder where the temporary file goes: it cannot be created.
        try FileManager.default.createDirectory(atPath: path + StateJournal.compactingSuffix, withIntermediateDirectories: false)
        let (backend, journal) = try open(directory, compactingAtLeast: 1)
        guard case .writeFailed(let failed, _)? = journal.compactionFailure else {
            Issue.record("expected a write failure, got \(String(describing: journal.compactionFailure))")
            return
        }
        #expect(failed == path + StateJournal.compactingSuffix)
        #expect(journal.droppedByCompaction == 0)
        #expect(backend.snapshot == expected)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        try backend.advanceClock(bySeconds: 1)
        #expect(try lines(directory).count == 12, "appended to the old journal")
    }

    @Test("a compaction stopped before its rename, as by a crash, leaves the old journal whole; the temporary file a crash leaves is removed on the next open")
    func crashBeforeRename() throws {
        let (directory, expected, path, bytes) = try recorded()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        struct Crash: Error {}
        do {
            let (_, journal) = try open(directory)
            #expect { try journal.replace(with: [.reset], beforeRename: { throw Crash() }) } throws: { error in
                guard case JournalError.writeFailed(let failed, _) = error else { return false }
                return failed == path
            }
            #expect(!FileManager.default.fileExists(atPath: path + StateJournal.compactingSuffix))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
            // Appending still goes to the old journal.
            try journal.append(.clock(.manual(EmulatorTestSupport.start)))
        }
        // A crash between the sync and the rename leaves a whole temporary file next to the untouched journal.
        let leftover = path + StateJournal.compactingSuffix
        #expect(FileManager.default.createFile(atPath: leftover, contents: Data(#"{"surety":"emulator-journal/2"}\#n{"reset":true}\#n"#.utf8)))
        let (backend, journal) = try open(directory, compactingAtLeast: 1)
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(journal.recorded.count == 11, "the old journal and the appended clock line were replayed, not the leftover")
        var clocked = expected
        clocked.clock = .manual(EmulatorTestSupport.start)
        #expect(backend.snapshot == clocked)
    }
}
