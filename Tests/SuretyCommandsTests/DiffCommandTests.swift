import Foundation
import SuretyJSON
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// `surety diff` over real recording folders on disk (copies of the repository's examples, edited), with the project's
/// contract: exit codes, thresholds, the three formats as golden files, volatile values, ignores, HAR input and colour.
@Suite("surety diff")
struct DiffCommandTests {
    typealias T = RecordingFolders.Tampering

    /// Two copies of the examples, OLD untouched and NEW edited by `tamperings`; `body` gets their paths.
    func withPair(_ tamperings: [T], removing removed: [String] = [], _ body: (String, String) async throws -> Void) async throws {
        let old = try RecordingFolders.copyOfExamples("surety-diff-old")
        let new = try RecordingFolders.copyOfExamples("surety-diff-new")
        defer {
            for folder in [old, new] { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        }
        try RecordingFolders.tamper(new, tamperings)
        for file in removed { try FileManager.default.removeItem(atPath: new + "/" + file) }
        try await body(old, new)
    }

    static let renamed = T(file: RecordingFolders.requiredFile, original: #""number": 67"#, replacement: #""termNumber": 67"#)
    static let documentedEnum = T(file: RecordingFolders.enumFile, original: #""transactionState": "declined""#,
                                  replacement: #""transactionState": "issued""#)
    static let optionalRemoved = T(file: RecordingFolders.enumFile, original: #""underwritingStatus": "America/New_York","#, replacement: "")
    static let typeChanged = T(file: RecordingFolders.typeFile, original: #""duration": 259.12"#, replacement: #""duration": "259.12""#)
    static let statusToError = T(file: RecordingFolders.statusFile, original: #""status": 200"#, replacement: #""status": 500"#)
    static let goneFile = "fetchIssuedTransactions/000005-18c32204.json"

    @Test("identical folders: no difference, exit 0")
    func identical() async throws {
        try await withPair([]) { old, new in
            let result = await surety(["diff", old, new] + contractsArgument)
            #expect(result.code == .success)
            #expect(result.out == "no differences; 8 exchanges paired\n")
        }
    }

    @Test("an empty NEW folder while OLD has exchanges: every endpoint gone, exit 1")
    func emptyNew() async throws {
        try await withPair([]) { old, new in
            let empty = (new as NSString).deletingLastPathComponent + "/empty"
            try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
            let result = await surety(["diff", old, empty] + contractsArgument)
            #expect(result.code == .findings, "\(result.out)")
            #expect(result.out.contains("endpoint-gone"))
            #expect(result.out.contains("NEW has no exchanges"))
            #expect(await surety(["diff", old, empty, "--fail-on", "any"] + contractsArgument).code == .findings)
            #expect(await surety(["diff", empty, empty] + contractsArgument).code == .success)
        }
    }

    @Test("diff --help lists every rule with its severity")
    func helpListsRules() async {
        let result = await surety(["diff", "--help"])
        #expect(result.code == .success)
        for line in ["endpoint-gone                 breaking", "exchange-gone                 possibly breaking",
                     "value-changed                 compatible"] {
            #expect(result.out.contains(line), "\(line)")
        }
    }

    @Test("a pair differing only in locators (consistently renamed) and timestamps has no difference, unless --exact")
    func locatorsAndTimestampsOnly() async throws {
        try await withPair([]) { old, new in
            try RecordingFolders.renameLocatorsAndTimestamps(new)
            let result = await surety(["diff", old, new] + contractsArgument)
            #expect(result.code == .success, "\(result.out)")
            #expect(result.out == "no differences; 8 exchanges paired\n")
            let exact = await surety(["diff", old, new, "--exact", "--fail-on", "any", "--format", "json"] + contractsArgument)
            #expect(exact.code == .findings)
            #expect(exact.out.contains(#""pointer": "/createdAt""#))
            #expect(exact.out.contains(#""rule": "value-changed""#))
        }
    }

    @Test("a renamed property is one breaking removal plus one compatible addition: exit 1")
    func renamedProperty() async throws {
        try await withPair([Self.renamed]) { old, new in
            let result = await surety(["diff", old, new, "--format", "json"] + contractsArgument)
            #expect(result.code == .findings)
            let report = try JSONParser().parse(Array(result.out.utf8)).value()
            let differences = report["exchanges"]?[0]?["differences"]?.arrayValue ?? []
            #expect(differences.map { "\($0["severity"]?.stringValue ?? "") \($0["rule"]?.stringValue ?? "") \($0["pointer"]?.stringValue ?? "")" } == [
                "breaking required-property-removed /number", "compatible property-added /termNumber",
            ])
            #expect(report["exchanges"]?.arrayValue?.count == 1)
        }
    }

    @Test("--fail-on: compatible changes fail only with any; possibly breaking ones with possibly or any; the default is breaking")
    func failureThresholds() async throws {
        try await withPair([Self.documentedEnum]) { old, new in
            #expect(await surety(["diff", old, new] + contractsArgument).code == .success)
            #expect(await surety(["diff", old, new, "--fail-on", "possibly"] + contractsArgument).code == .success)
            #expect(await surety(["diff", old, new, "--fail-on", "any"] + contractsArgument).code == .findings)
        }
        try await withPair([Self.optionalRemoved]) { old, new in
            #expect(await surety(["diff", old, new, "--fail-on", "breaking"] + contractsArgument).code == .success)
            #expect(await surety(["diff", old, new, "--fail-on", "possibly"] + contractsArgument).code == .findings)
        }
    }

    @Test("text, JSON and Markdown match their golden files, and repeat byte for byte")
    func formatsAreGoldenAndRepeatable() async throws {
        let tamperings = [Self.renamed, Self.documentedEnum, Self.optionalRemoved, Self.typeChanged, Self.statusToError]
        try await withPair(tamperings, removing: [Self.goneFile]) { old, new in
            for (format, golden) in [("text", "diff.txt"), ("json", "diff.json"), ("markdown", "diff.md")] {
                let result = await surety(["diff", old, new, "--format", format] + contractsArgument)
                #expect(result.code == .findings, "\(format)")
                #expect(result.err == "")
                GoldenFile.expect(result.out, matches: "Tests/SuretyCommandsTests/Golden/" + golden)
                let again = await surety(["diff", old, new, "--format", format] + contractsArgument)
                #expect(again.out == result.out, "\(format) repeats byte for byte")
            }
        }
    }

    @Test("--ignore leaves out differences under a pointer pattern")
    func ignore() async throws {
        try await withPair([Self.typeChanged]) { old, new in
            #expect(await surety(["diff", old, new] + contractsArgument).code == .findings)
            let ignored = await surety(["diff", old, new, "--ignore", "/duration"] + contractsArgument)
            #expect(ignored.code == .success)
            #expect(ignored.out == "no differences; 8 exchanges paired\n")
        }
    }

    @Test("HAR files diff as their folders do")
    func harInput() async throws {
        try await withPair([Self.renamed, Self.typeChanged]) { old, new in
            let directory = (old as NSString).deletingLastPathComponent
            #expect(await surety(["har", "export", old, directory + "/old.har"] + contractsArgument).code == .success)
            #expect(await surety(["har", "export", new, directory + "/new.har"] + contractsArgument).code == .success)
            let folders = await surety(["diff", old, new, "--format", "json"] + contractsArgument)
            let hars = await surety(["diff", directory + "/old.har", directory + "/new.har", "--format", "json"] + contractsArgument)
            #expect(hars.code == .findings)
            func findings(_ text: String) throws -> [JSONValue] {
                try (JSONParser().parse(Array(text.utf8)).value()["exchanges"]?.arrayValue ?? []).map { $0["differences"] ?? .null }
            }
            let fromHAR = try findings(hars.out), fromFolders = try findings(folders.out)
            #expect(fromHAR == fromFolders)
            #expect(fromHAR.count == 2)
        }
    }

    @Test("unreadable input exits 2 naming the file and pointer; usage errors exit 64")
    func unreadableAndUsage() async throws {
        try await withPair([.init(file: RecordingFolders.statusFile, original: #""status": 200"#, replacement: #""status": "200""#)]) { old, new in
            let result = await surety(["diff", old, new] + contractsArgument)
            #expect(result.code == .failure)
            #expect(result.err.contains("\(new)/\(RecordingFolders.statusFile):"))
            #expect(result.err.contains("[at /response/status]"))
            #expect(await surety(["diff", old, "/nonexistent/new"] + contractsArgument).code == .failure)
            #expect(await surety(["diff", old] + contractsArgument).code == .usage)
            #expect(await surety(["diff", old, new, "--fail-on", "never"] + contractsArgument).code == .usage)
            #expect(await surety(["diff", old, new, "--format", "yaml"] + contractsArgument).code == .usage)
            #expect(await surety(["diff", old, new, "--ignore", "duration"] + contractsArgument).err.contains("is not a JSON Pointer"))
        }
    }

    @Test("no colour into a pipe (the built executable)")
    func noColourIntoAPipe() async throws {
        try await withPair([Self.renamed]) { old, new in
            let piped = try await ToolRunner.run(RunningProcess.suretyExecutable, ["diff", old, new] + contractsArgument)
            #expect(piped.status == 1)
            #expect(piped.standardOutput.contains("required-property-removed"))
            #expect(!piped.standardOutput.contains("\u{1B}["))
        }
    }

    /// util-linux `script`, which gives a command a terminal; CI installs it (`.ci/run`), elsewhere the test is skipped.
    static let script = ToolRunner.which("script")

    @Test("colour on a terminal, never with NO_COLOR (the built executable under `script`)",
          .enabled(if: script != nil, "needs util-linux `script` to give the command a terminal"))
    func colourOnATerminal() async throws {
        let script = try #require(Self.script)
        try await withPair([Self.renamed]) { old, new in
            let arguments = ["diff", old, new] + contractsArgument
            let command = ([RunningProcess.suretyExecutable] + arguments).map { "'\($0)'" }.joined(separator: " ")
            let terminal = try await ToolRunner.run("/usr/bin/env", ["-u", "NO_COLOR", "TERM=xterm", script, "-qec", command, "/dev/null"])
            #expect(terminal.standardOutput.contains("\u{1B}[31mbreaking"))
            let noColor = try await ToolRunner.run("/usr/bin/env", ["NO_COLOR=1", "TERM=xterm", script, "-qec", command, "/dev/null"])
            #expect(noColor.standardOutput.contains("required-property-removed"))
            #expect(!noColor.standardOutput.contains("\u{1B}["))
        }
    }
}
