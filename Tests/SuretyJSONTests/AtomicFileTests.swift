import Foundation
import SuretyJSON
import Testing

@Suite("The one atomic writer: whole files or none, named in one step")
struct AtomicFileTests {
    func folder() -> String {
        NSTemporaryDirectory() + "surety-atomic-\(UUID().uuidString)"
    }

    @Test("a write creates the folders, replaces an existing file and leaves no temporary file")
    func replaces() throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/a/b/out.json"
        #expect(try AtomicFile.write(Array("one".utf8), to: path) == .written)
        #expect(try AtomicFile.write(Array("two".utf8), to: path) == .written)
        #expect(FileManager.default.contents(atPath: path) == Data("two".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/a/b") == ["out.json"])
    }

    @Test("keeping an existing file writes nothing and says the name is taken")
    func keepsExisting() throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.json"
        #expect(try AtomicFile.write(Array("one".utf8), to: path, naming: .keepingExisting) == .written)
        #expect(try AtomicFile.write(Array("two".utf8), to: path, naming: .keepingExisting) == .nameTaken)
        #expect(FileManager.default.contents(atPath: path) == Data("one".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.json"])
    }

    @Test("a write that fails names the call and the path, and leaves the old file and no temporary file")
    func failure() throws {
        let directory = folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.json"
        try AtomicFile.write(Array("old".utf8), to: path)
        // A folder in the final name's place: the rename fails.
        let blocked = directory + "/blocked"
        try FileManager.default.createDirectory(atPath: blocked + "/inside", withIntermediateDirectories: true)
        #expect(throws: AtomicFile.WriteError(path: blocked, call: "rename", errno: EISDIR)) {
            try AtomicFile.write(Array("new".utf8), to: blocked)
        }
        #expect(FileManager.default.contents(atPath: path) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["blocked", "out.json"])
    }
}
