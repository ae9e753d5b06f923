import Foundation
import SuretyTestSupport
import Testing
@testable import SuretyRecordings

/// A FIFO, a device or a link to one named like a recording is skipped with a warning and never opened: opening a
/// FIFO for reading waits for a writer, so one such entry used to stop every reader of the folder.
@Suite struct SpecialEntryTests {
    /// A folder with one good recording, `fetchTermsForPolicy/000002-00000000.json` a FIFO, and the good file's name.
    func folderWithFIFO(_ directory: String) throws -> (good: String, fifo: String) {
        let good = try RecordingStore(directory: directory).write(Sample.exchange(Sample.termsList()))
        let fifo = "fetchTermsForPolicy/000002-00000000.json"
        try FIFO.make(at: directory + "/" + fifo)
        return (good.file, fifo)
    }

    @Test("a FIFO in an endpoint's folder is skipped with a warning naming it; the read returns")
    func fifoInEndpointFolder() async throws {
        try await withTemporaryDirectory { directory in
            let (good, fifo) = try folderWithFIFO(directory)
            let read = try #require(await FIFO.returnsInTime(60, unblocking: [directory + "/" + fifo]) {
                Result { try RecordingStore.read(directory: directory) }
            }, "reading the folder returned").get()
            #expect(read.exchanges.map(\.file) == [good])
            #expect(read.issues.isEmpty)
            #expect(read.skipped.map(\.file) == [fifo])
            #expect(read.skipped.first?.reason == .notRegularFile(kind: "a FIFO (named pipe)"))
            #expect(read.skipped.first?.severity == .warning)
            #expect(read.skipped.first?.description
                    == "\(fifo): warning: skipped without opening it: a FIFO (named pipe), not a regular file")
        }
    }

    @Test("a FIFO directly in the folder, and links to a FIFO and to a device, are skipped as warnings")
    func fifoAtTopAndLinks() async throws {
        try await withTemporaryDirectory { directory in
            let (good, fifo) = try folderWithFIFO(directory)
            try FIFO.make(at: directory + "/stray.json")
            try FileManager.default.createSymbolicLink(atPath: directory + "/fetchTermsForPolicy/000003-00000000.json",
                                                       withDestinationPath: directory + "/" + fifo)
            try FileManager.default.createSymbolicLink(atPath: directory + "/fetchTermsForPolicy/000004-00000000.json",
                                                       withDestinationPath: "/dev/zero")
            let read = try #require(await FIFO.returnsInTime(60, unblocking: [directory + "/" + fifo, directory + "/stray.json"]) {
                Result { try RecordingStore.read(directory: directory) }
            }, "reading the folder returned").get()
            #expect(read.exchanges.map(\.file) == [good])
            #expect(read.issues.isEmpty)
            #expect(read.skipped.map(\.file) == [fifo, "fetchTermsForPolicy/000003-00000000.json", "fetchTermsForPolicy/000004-00000000.json",
                                                 "stray.json"])
            #expect(read.skipped.map(\.reason) == [.notRegularFile(kind: "a FIFO (named pipe)"),
                                                   .notRegularFile(kind: "a symbolic link to a FIFO (named pipe)"),
                                                   .notRegularFile(kind: "a symbolic link to a device"),
                                                   .notRegularFile(kind: "a FIFO (named pipe)")])
        }
    }

    @Test("a link to a regular recording is followed; a link to nothing is an issue")
    func linksToFiles() async throws {
        try await withTemporaryDirectory { directory in
            let elsewhere = directory + "/elsewhere"
            let original = try RecordingStore(directory: elsewhere).write(Sample.exchange(Sample.termsList()))
            let folder = directory + "/recordings"
            try FileManager.default.createDirectory(atPath: folder + "/fetchTermsForPolicy", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: folder + "/fetchTermsForPolicy/000001-00000000.json",
                                                       withDestinationPath: elsewhere + "/" + original.file)
            try FileManager.default.createSymbolicLink(atPath: folder + "/fetchTermsForPolicy/000002-00000000.json",
                                                       withDestinationPath: directory + "/gone.json")
            let read = try RecordingStore.read(directory: folder)
            #expect(read.exchanges.map(\.file) == ["fetchTermsForPolicy/000001-00000000.json"])
            #expect(read.exchanges.first?.exchange == original.exchange)
            #expect(read.issues.map(\.file) == ["fetchTermsForPolicy/000002-00000000.json"])
            #expect(read.issues.first?.reason == .unreadable("a symbolic link to nothing"))
        }
    }

    @Test("a FIFO put where a regular file was is refused by the reader itself, without waiting for a writer")
    func readerRefusesFIFO() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/swapped.json"
            try FIFO.make(at: path)
            let result = try #require(await FIFO.returnsInTime(60, unblocking: [path]) { RegularFile.read(path) }, "the read returned")
            #expect(result == .failure(.notRegular(.fifo)))
            write("{}", to: directory + "/plain.json")
            #expect(RegularFile.read(directory + "/plain.json") == .success(Array("{}".utf8)))
        }
    }

    @Test("--replay starts beside a FIFO under the refusing policy and lists it as skipped")
    func replayStarts() async throws {
        try await withTemporaryDirectory { directory in
            let (_, fifo) = try folderWithFIFO(directory)
            let loaded = try #require(await FIFO.returnsInTime(60, unblocking: [directory + "/" + fifo]) {
                Result { () throws(ReplayResponder.LoadError) in try ReplayResponder.load(directory: directory, checker: TestContract.checker) }
            }, "loading returned").get()
            #expect(loaded.responder.index.recordings.count == 1)
            #expect(loaded.skipped.map(\.file) == [fifo])
            guard case .matched = loaded.responder.replay(Sample.termsList()) else {
                Issue.record("the good recording answers")
                return
            }
        }
    }
}
