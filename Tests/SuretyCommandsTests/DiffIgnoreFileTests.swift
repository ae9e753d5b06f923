import Foundation
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// `surety diff --ignore-file FILE` and the ignore file found beside the recordings.
@Suite("surety diff ignore files")
struct DiffIgnoreFileTests {
    static let typeChanged = DiffCommandTests.typeChanged

    @Test("--ignore-file reads one pointer pattern per line; comments and blank lines are skipped")
    func ignoreFile() async throws {
        try await DiffCommandTests().withPair([Self.typeChanged]) { old, new in
            let file = (old as NSString).deletingLastPathComponent + "/team.ignore"
            try "# reviewed: duration is a float on purpose\n\n/duration   # trailing comment\n".write(toFile: file, atomically: true, encoding: .utf8)
            #expect(await surety(["diff", old, new] + contractsArgument).code == .findings)
            let ignored = await surety(["diff", old, new, "--ignore-file", file] + contractsArgument)
            #expect(ignored.code == .success, "\(ignored.out)\(ignored.err)")
            #expect(ignored.out == "no differences; 8 exchanges paired\n")
        }
    }

    @Test("the default ignore file beside the recordings is read without a flag")
    func defaultIgnoreFile() async throws {
        try await DiffCommandTests().withPair([Self.typeChanged]) { old, new in
            let file = (new as NSString).deletingLastPathComponent + "/.surety-diff-ignore"
            try "/duration\n".write(toFile: file, atomically: true, encoding: .utf8)
            let result = await surety(["diff", old, new] + contractsArgument)
            #expect(result.code == .success, "\(result.out)")
            #expect(result.err.contains("1 pattern from \(file)"))
        }
    }

    @Test("a line that is not a pointer pattern stops the run with its file and line: exit 2")
    func badLine() async throws {
        try await DiffCommandTests().withPair([]) { old, new in
            let file = (old as NSString).deletingLastPathComponent + "/team.ignore"
            try "/ok\n\nduration\n".write(toFile: file, atomically: true, encoding: .utf8)
            let result = await surety(["diff", old, new, "--ignore-file", file] + contractsArgument)
            #expect(result.code == .failure)
            #expect(result.err.contains("\(file):3:1: error:"))
            #expect(await surety(["diff", old, new, "--ignore-file", file + ".missing"] + contractsArgument).code == .failure)
        }
    }

    @Test("an ignore file with three bad lines reports all three with line and column in one run")
    func threeBadLines() async throws {
        try await DiffCommandTests().withPair([]) { old, new in
            let file = (old as NSString).deletingLastPathComponent + "/team.ignore"
            try "duration\n/ok\n   createdAt  # indented\n\n\titems.createdAt\n".write(toFile: file, atomically: true, encoding: .utf8)
            let result = await surety(["diff", old, new, "--ignore-file", file] + contractsArgument)
            #expect(result.code == .failure)
            #expect(result.err.split(separator: "\n").map(String.init) == [
                #"\#(file):1:1: error: "duration" is not a JSON Pointer pattern (e.g. /items/*/createdAt)"#,
                #"\#(file):3:4: error: "createdAt" is not a JSON Pointer pattern (e.g. /items/*/createdAt)"#,
                #"\#(file):5:2: error: "items.createdAt" is not a JSON Pointer pattern (e.g. /items/*/createdAt)"#,
            ], "\(result.err)")
        }
    }
}
