import Foundation
import SuretyHTTPCore
import Testing
@testable import SuretyRecordings

@Suite struct RecordingStoreTests {
    @Test("Exchanges are filed by endpoint with a sequence and a short hash, unrouted ones under _unrouted")
    func layout() async throws {
        try await withTemporaryDirectory { directory in
            let store = try RecordingStore(directory: directory)
            let first = try store.write(Sample.exchange(Sample.termsList()))
            let second = try store.write(Sample.exchange(HTTPRequest(method: .get, target: "/nowhere")))
            let third = try store.write(Sample.exchange(Sample.termsList()))
            #expect(first.file.hasPrefix("fetchTermsForPolicy/000001-"))
            #expect(second.file.hasPrefix("_unrouted/000002-"))
            #expect(third.file.hasPrefix("fetchTermsForPolicy/000003-"))
            #expect(first.file.dropFirst("fetchTermsForPolicy/000001-".count) == third.file.dropFirst("fetchTermsForPolicy/000003-".count))
            #expect(filesUnder(directory) == [second.file, first.file, third.file].sorted())
            let read = try RecordingStore.read(directory: directory)
            #expect(read.issues.isEmpty)
            #expect(read.exchanges.map(\.file) == [first.file, second.file, third.file])
            #expect(read.exchanges.map(\.exchange) == [first.exchange, second.exchange, third.exchange])
        }
    }

    @Test("A store reopened on a folder continues after the highest sequence number")
    func continuesSequence() async throws {
        try await withTemporaryDirectory { directory in
            _ = try RecordingStore(directory: directory).write(Sample.exchange(Sample.termsList()))
            write("{}", to: directory + "/fetchTerm/000041-abcdef01.json")
            let next = try RecordingStore(directory: directory).write(Sample.exchange(Sample.termsList()))
            #expect(next.sequence == 42)
        }
    }

    @Test("1,000 concurrent writes give 1,000 valid files with distinct sequence numbers")
    func concurrentWrites() async throws {
        try await withTemporaryDirectory { directory in
            let store = try RecordingStore(directory: directory, syncsToStorage: false)
            let written = try await withThrowingTaskGroup(of: StoredExchange.self) { group in
                for number in 0..<1_000 {
                    group.addTask {
                        let request = number % 3 == 0 ? HTTPRequest(target: "/unknown/\(number)") : Sample.termsList("offset=\(number)")
                        return try store.write(Sample.exchange(request, Sample.json(#"{"n":\#(number)}"#)))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(written.map(\.sequence)) == Set((1...1_000).map { Optional($0) }))
            #expect(filesUnder(directory).count == 1_000)
            let read = try RecordingStore.read(directory: directory)
            #expect(read.issues.isEmpty)
            #expect(read.exchanges.count == 1_000)
            #expect(Set(read.exchanges.map { $0.exchange.response.body }).count == 1_000)
        }
    }

    @Test("Endpoint ids that would leave the folder are refused and nothing is written")
    func unsafeNames() async throws {
        try await withTemporaryDirectory { directory in
            let store = try RecordingStore(directory: directory)
            for name in ["..", "../escape", "a/b", ".hidden", "", String(repeating: "x", count: 129), "nul\u{0}"] {
                var exchange = Sample.exchange(Sample.termsList())
                exchange.endpointID = name
                #expect(throws: RecordingStoreError.unsafeName(name)) { try store.write(exchange) }
            }
            #expect(filesUnder(directory).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: directory + "/../escape"))
        }
    }

    @Test("A write killed before its rename leaves only a hidden temporary file, which readers skip and cleanup removes")
    func interruptedWrite() async throws {
        try await withTemporaryDirectory { directory in
            let store = try RecordingStore(directory: directory)
            let good = try store.write(Sample.exchange(Sample.termsList()))
            // What a process killed mid-write leaves: the temporary file, half written, under its hidden name.
            let half = Array(Sample.exchange(Sample.termsList()).fileBytes.prefix(40))
            let temporary = directory + "/fetchTermsForPolicy/.000002-0badc0de.json.tmp-999-0"
            _ = FileManager.default.createFile(atPath: temporary, contents: Data(half))
            #expect(RecordingFileName.isTemporary(".000002-0badc0de.json.tmp-999-0"))
            #expect(!RecordingFileName.isRecording(".000002-0badc0de.json.tmp-999-0"))
            let read = try RecordingStore.read(directory: directory)
            #expect(read.issues.isEmpty)
            #expect(read.exchanges.map(\.file) == [good.file])
            #expect(try store.removeTemporaryFiles() == 1)
            #expect(filesUnder(directory) == [good.file])
        }
    }

    @Test("The writer's own temporary files never remain after writes")
    func noTemporaryFilesRemain() async throws {
        try await withTemporaryDirectory { directory in
            let store = try RecordingStore(directory: directory)
            for number in 0..<20 { try store.write(Sample.exchange(Sample.termsList("offset=\(number)"))) }
            #expect(filesUnder(directory).allSatisfy { RecordingFileName.isRecording(($0 as NSString).lastPathComponent) })
            #expect(filesUnder(directory).count == 20)
        }
    }

    @Test("Reading collects an issue per bad file and still returns the good ones")
    func badFiles() async throws {
        try await withTemporaryDirectory { directory in
            let store = try RecordingStore(directory: directory)
            let good = try store.write(Sample.exchange(Sample.termsList()))
            let misfiled = String(decoding: Sample.exchange(Sample.termsList()).fileBytes, as: UTF8.self)
            write(misfiled, to: directory + "/fetchTerm/000010-00000000.json")
            write("{ not json", to: directory + "/fetchTerm/000011-00000000.json")
            write("{}", to: directory + "/stray.json")
            write("ignored", to: directory + "/README.md")
            try FileManager.default.createSymbolicLink(atPath: directory + "/linked", withDestinationPath: "/tmp")
            let read = try RecordingStore.read(directory: directory)
            #expect(read.exchanges.map(\.file) == [good.file])
            #expect(read.issues.map(\.file) == ["fetchTerm/000010-00000000.json", "fetchTerm/000011-00000000.json", "linked", "stray.json"])
            #expect(read.issues[0].reason == .misfiled(folder: "fetchTerm", endpoint: "fetchTermsForPolicy"))
            #expect(read.issues[0].description.hasPrefix("fetchTerm/000010-00000000.json:2:15: error: file in folder \"fetchTerm\" records endpoint"))
            #expect(read.issues[2].reason == .unexpectedLocation)
        }
    }

    @Test("A folder that cannot be listed stops the read with the path")
    func unreadableFolder() {
        #expect(throws: RecordingStoreError.self) { try RecordingStore.read(directory: "/nonexistent/surety/recordings") }
    }
}
