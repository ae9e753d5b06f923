import Foundation
import SuretyJSON
import SuretyTestSupport
import Testing
@testable import SuretyCommands

@Suite("surety har import and export")
struct HARCommandTests {
    @Test("export then import then export: the recordings folder and the HAR file come back byte-identical")
    func roundTripThroughFiles() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-har")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let examples = TestRepository.root + "/recordings"
        let exported = await surety(["har", "export", examples, directory + "/a.har"] + contractsArgument)
        #expect(exported.code == .success, "\(exported.err)")
        #expect(exported.out == "surety har: exported 8 exchange(s) from \(examples) to \(directory)/a.har\n")
        let har = try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/a.har")))).value()
        #expect(har["log"]?["version"] == .string("1.2"))
        #expect(har["log"]?["entries"]?.arrayValue?.count == 8)
        #expect(har["log"]?["entries"]?[0]?["request"]?["url"]?.stringValue?.hasPrefix("http://localhost/policy/") == true)

        let imported = await surety(["har", "import", directory + "/a.har", directory + "/back"] + contractsArgument)
        #expect(imported.code == .success, "\(imported.err)")
        let files = FileManager.default.subpaths(atPath: examples)?.filter { $0.hasSuffix(".json") }.sorted() ?? []
        #expect(files.count == 8)
        #expect(FileManager.default.subpaths(atPath: directory + "/back")?.filter { $0.hasSuffix(".json") }.sorted() == files)
        for file in files {
            #expect(FileManager.default.contentsEqual(atPath: examples + "/" + file, andPath: directory + "/back/" + file), "\(file)")
        }
        let again = await surety(["har", "export", directory + "/back", directory + "/b.har", "--base-url", "http://localhost"] + contractsArgument)
        #expect(again.code == .success)
        #expect(FileManager.default.contentsEqual(atPath: directory + "/a.har", andPath: directory + "/b.har"))
    }

    @Test("importing into a folder that has recordings numbers the new files after them")
    func importAppends() async throws {
        try await RecordingFolders.withCopyOfExamples("surety-har") { folder in
            let har = folder + "/../one.har"
            try HARFixture.write([HARFixture.entry()], to: har)
            #expect(await surety(["har", "import", har, folder] + contractsArgument).code == .success)
            #expect(FileManager.default.subpaths(atPath: folder + "/fetchTransaction")?.contains { $0.hasPrefix("000009-") } == true)
        }
    }

    @Test("a bad HAR file exits 2 naming the file, line, column and pointer of every bad entry, and writes nothing")
    func badHARFile() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-har")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let har = directory + "/bad.har"
        try HARFixture.write([HARFixture.entry(), HARFixture.entry(status: #""ok""#), HARFixture.entry(method: "1"), HARFixture.entry(method: #""G T""#)], to: har)
        let result = await surety(["har", "import", har, directory + "/out"] + contractsArgument)
        #expect(result.code == .failure)
        #expect(result.err.contains("\(har):"))
        #expect(result.err.contains("[at /log/entries/1/response/status]"))
        #expect(result.err.contains("[at /log/entries/2/request/method]"))
        #expect(result.err.contains("[at /log/entries/3/request/method]"))
        #expect(result.err.contains("has 3 unreadable recording(s)"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/out"))

        try "{\"log\": {\"entries\": [}}".write(toFile: har, atomically: true, encoding: .utf8)
        let syntax = await surety(["har", "import", har, directory + "/out"] + contractsArgument)
        #expect(syntax.code == .failure)
        #expect(syntax.err.hasPrefix("\(har):1:22: error: not JSON"))
    }

    @Test("imported entries are redacted: the secret of an Authorization header appears in no file")
    func importRedacts() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-har")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let secret = "Bearer s3cr3t-token-4711"
        try HARFixture.write([HARFixture.entry(headers: #"[{"name": "Authorization", "value": "\#(secret)"}, {"name": "X-Trace", "value": "t-99"}]"#)],
                             to: directory + "/in.har")
        let result = await surety(["har", "import", directory + "/in.har", directory + "/out", "--redact", "header:X-Trace"] + contractsArgument)
        #expect(result.code == .success, "\(result.err)")
        let files = FileManager.default.subpaths(atPath: directory + "/out")?.filter { $0.hasSuffix(".json") } ?? []
        #expect(files.count == 1)
        for file in files {
            let text = try String(contentsOfFile: directory + "/out/" + file, encoding: .utf8)
            #expect(!text.contains("s3cr3t"))
            #expect(!text.contains("t-99"))
            #expect(text.contains("fetchTransaction"))
        }
    }

    @Test("export refuses a folder with a bad recording, and usage errors exit 64")
    func exportAndUsageErrors() async throws {
        try await RecordingFolders.withCopyOfExamples("surety-har") { folder in
            try RecordingFolders.tamper(folder, [.init(file: RecordingFolders.statusFile, original: #""status": 200"#, replacement: #""status": true"#)])
            let bad = await surety(["har", "export", folder, folder + "/../x.har"] + contractsArgument)
            #expect(bad.code == .failure)
            #expect(bad.err.contains("\(folder)/\(RecordingFolders.statusFile):"))
            #expect(bad.err.contains("[at /response/status]"))
            #expect(!FileManager.default.fileExists(atPath: folder + "/../x.har"))

            #expect(await surety(["har"]).code == .usage)
            let direction = await surety(["har", "inport", "a.har", "dir"])
            #expect(direction.code == .usage)
            #expect(direction.err.contains("unknown direction inport; give import or export"))
            #expect(await surety(["har", "export", "dir"]).err.contains("har export needs DIR and FILE.har"))
            #expect(await surety(["har", "export", "dir", "f.har", "--redact", "header"]).code == .usage)
            #expect(await surety(["har", "import", "/nonexistent.har", "dir"] + contractsArgument).code == .failure)
            let swapped = await surety(["har", "import", folder, folder + "/../y"] + contractsArgument)
            #expect(swapped.code == .failure)
            #expect(swapped.err.contains("\(folder) is a folder; har import reads a HAR file"))
        }
    }
}

/// Small HAR documents written to disk for the tests.
enum HARFixture {
    static let target = "/policy/5f0c4e3a-8b2d-4c1e-9a7f-3d6b2e1c0a94/transactions/01J8Z3K6Q4M7N2P5R8T1V4W7XA"

    /// One entry: a `fetchTransaction` GET answered `{}` (the status and method literal as given).
    static func entry(method: String = #""GET""#, status: String = "200", headers: String = "[]") -> String {
        """
        {"startedDateTime": "2026-11-23T19:23:37.420Z", "time": 3,
         "request": {"method": \(method), "url": "http://127.0.0.1:8080\(target)", "httpVersion": "HTTP/1.1", "headers": \(headers),
                     "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
         "response": {"status": \(status), "statusText": "OK", "httpVersion": "HTTP/1.1", "headers": [{"name": "Content-Type", "value": "application/json"}],
                      "cookies": [], "content": {"size": 2, "mimeType": "application/json", "text": "{}"}, "redirectURL": "", "headersSize": -1, "bodySize": 2},
         "cache": {}, "timings": {"send": 0, "wait": 3, "receive": 0}}
        """
    }

    static func write(_ entries: [String], to path: String) throws {
        let text = "{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"test\", \"version\": \"1\"},\n\"entries\": [\n"
            + entries.joined(separator: ",\n") + "]}}\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
