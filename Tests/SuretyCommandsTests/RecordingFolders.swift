import Foundation
import SuretyTestSupport

/// Recording folders on disk for command tests: copies of the repository's `recordings/`, tampered by text edits.
enum RecordingFolders {
    /// One edit of one recording file: `original` (which must occur) replaced by `replacement`.
    struct Tampering {
        var file: String
        var original: String
        var replacement: String
    }

    /// A fresh copy of the repository's example recordings under a temporary folder; the caller removes it.
    static func copyOfExamples(_ label: String = "surety-recordings") throws -> String {
        let directory = try TestRepository.temporaryDirectory(label)
        let copy = directory + "/recordings"
        try FileManager.default.copyItem(atPath: TestRepository.root + "/recordings", toPath: copy)
        return copy
    }

    /// Runs `body` with a fresh copy of the example recordings, removed afterwards.
    static func withCopyOfExamples(_ label: String = "surety-recordings", _ body: (String) async throws -> Void) async throws {
        let folder = try copyOfExamples(label)
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        try await body(folder)
    }

    /// Applies each tampering (to the first occurrence) to the files under `directory`; throws when an original
    /// text is not found.
    static func tamper(_ directory: String, _ tamperings: [Tampering]) throws {
        for tampering in tamperings {
            let path = directory + "/" + tampering.file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let range = text.range(of: tampering.original) else { throw TamperingError(file: tampering.file, missing: tampering.original) }
            try text.replacingCharacters(in: range, with: tampering.replacement).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    struct TamperingError: Error { var file: String; var missing: String }

    /// Renames every locator (a 26-character ULID in quotes) of every file under `directory` consistently, to one
    /// that differs, and moves every timestamp to another instant: what a second recording of the same traffic
    /// from a fresh backend looks like.
    static func renameLocatorsAndTimestamps(_ directory: String) throws {
        let locator = try NSRegularExpression(pattern: #""([0-7][0-9A-HJKMNP-TV-Z]{25})""#)
        let timestamp = try NSRegularExpression(pattern: #""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z""#)
        for file in FileManager.default.subpaths(atPath: directory) ?? [] where file.hasSuffix(".json") {
            let path = directory + "/" + file
            var text = try String(contentsOfFile: path, encoding: .utf8)
            for match in locator.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                text.replaceSubrange(range, with: "7" + String(text[range].dropFirst().reversed()))
            }
            text = timestamp.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                      withTemplate: #""2030-01-01T00:00:00.000001Z""#)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    /// The four files of the examples tampered with by ``exampleTamperings``.
    static let enumFile = "fetchTransaction/000001-4ffa378d.json"
    static let requiredFile = "fetchTerm/000003-8dcb9ff8.json"
    static let typeFile = "fetchTransactionSegment/000002-6061c8cf.json"
    static let statusFile = "updateInstallments/000008-084680ef.json"

    /// An unknown enum value, a missing required property, a wrong type and an undocumented status, one per file.
    static let exampleTamperings: [Tampering] = [
        Tampering(file: enumFile, original: #""transactionState": "declined""#, replacement: #""transactionState": "bogus""#),
        Tampering(file: requiredFile, original: "\"json\": {\n        \"locator\": \"01J8Z3F0B2C4D6E8G0H2J4K6PQ\",",
                  replacement: "\"json\": {"),
        Tampering(file: typeFile, original: #""duration": 259.12"#, replacement: #""duration": "long""#),
        Tampering(file: statusFile, original: #""status": 200"#, replacement: #""status": 299"#),
    ]
}
