import Foundation
import SuretyConformance
import Testing
@testable import SuretyRecordings

/// Readers of recordings and HAR files check a file's size before reading it: an oversized file costs no memory.
@Suite("file size limits of the recordings and HAR readers")
struct FileSizeLimitTests {
    /// A sparse file of `size` bytes (no disk blocks are written).
    func sparseFile(_ path: String, size: Int) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }

    @Test("a file at the limit is read; one byte over is refused by its size, with bytes and limit, before it is read")
    func atAndOverTheLimit() async throws {
        try await withTemporaryDirectory { directory in
            try sparseFile(directory + "/at", size: 4_096)
            try sparseFile(directory + "/over", size: 4_097)
            #expect(try RegularFile.read(directory + "/at", maxBytes: 4_096).get().count == 4_096)
            #expect(RegularFile.read(directory + "/over", maxBytes: 4_096) == .failure(.tooLarge(bytes: 4_097, limit: 4_096)))
        }
    }

    @Test("a recording one byte over maxBytes is an unreadable issue naming its size; at the limit it is read and judged")
    func recordingOverTheLimit() async throws {
        try await withTemporaryDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory + "/fetchTransaction", withIntermediateDirectories: true)
            try sparseFile(directory + "/fetchTransaction/0001-get-aaaaaaaa.json", size: RegularFile.maxBytes + 1)
            let over = RecordingStore.readFile(directory: directory, file: "fetchTransaction/0001-get-aaaaaaaa.json")
            guard case .issues(let issues) = over else { Issue.record("expected an issue, got \(over)"); return }
            #expect(issues.map(\.reason) == [.unreadable("\(RegularFile.maxBytes + 1) bytes, over the limit of \(RegularFile.maxBytes): not read")])
            try sparseFile(directory + "/fetchTransaction/0001-get-aaaaaaaa.json", size: RegularFile.maxBytes)
            let at = RecordingStore.readFile(directory: directory, file: "fetchTransaction/0001-get-aaaaaaaa.json")
            guard case .issues(let read) = at else { Issue.record("expected a syntax issue, got \(at)"); return }
            #expect(!read.map(\.reason).contains(.unreadable("\(RegularFile.maxBytes) bytes, over the limit of \(RegularFile.maxBytes): not read")))
        }
    }

    @Test("a HAR file one byte over maxFileBytes is refused by its size before it is read")
    func harOverTheLimit() async throws {
        try await withTemporaryDirectory { directory in
            try sparseFile(directory + "/big.har", size: HARConverter.maxFileBytes + 1)
            let imported = HARConverter().importHAR(path: directory + "/big.har")
            #expect(imported.issues.map(\.reason) == [.unreadable("\(HARConverter.maxFileBytes + 1) bytes, over the limit of \(HARConverter.maxFileBytes): not read")])
        }
    }
}
