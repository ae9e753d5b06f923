import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SuretyJSON
import SuretyTestSupport
import Testing
@testable import SuretyCommands

@Suite("surety check --recordings")
struct CheckRecordingsCommandTests {
    @Test("the repository's example recordings conform: exit 0, one check per file, coverage from the recorded responses")
    func examplesConform() async throws {
        let result = await surety(["check", "--recordings", TestRepository.root + "/recordings"] + contractsArgument)
        #expect(result.code == .success, "\(result.err)")
        #expect(result.out.contains("recordings              8       8       0          0        0"))
        #expect(result.out.contains("endpoints: 8 of 77 exercised, 8 answered a documented status"))
        #expect(result.out.contains("Result: conforms (8 passed, 0 failed, 0 unreached, 0 skipped)"))
    }

    @Test("tampered files fail with exit 1, each violation with its file and pointer, in text, JSON and JUnit")
    func tamperedFilesAreDetected() async throws {
        try await RecordingFolders.withCopyOfExamples() { folder in
            try RecordingFolders.tamper(folder, RecordingFolders.exampleTamperings)
            let reports = (folder as NSString).deletingLastPathComponent
            let result = await surety(["check", "--recordings", folder, "--report", "json:\(reports)/r.json,junit:\(reports)/r.xml"]
                                      + contractsArgument)
            #expect(result.code == .findings, "\(result.err)")
            #expect(result.out.contains("✗ fetchTransaction  \(RecordingFolders.enumFile)  GET "))
            #expect(result.out.contains("responseBody /transactionState: enum: expected one of"))
            #expect(result.out.contains("responseBody /locator: required: "))
            #expect(result.out.contains("responseBody /duration: type: expected number"))
            #expect(result.out.contains("status: status: expected "))
            #expect(result.out.contains("Result: 4 violation(s) in 4 check(s)"))

            let json = try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: reports + "/r.json")))).value()
            let failed = (json["results"]?.arrayValue ?? []).filter { $0["passed"] == .bool(false) }
            let found = Set(failed.compactMap { result -> String? in
                guard let file = result["recording"]?.stringValue, let violation = result["violations"]?.arrayValue?.first,
                      let pointer = violation["pointer"]?.stringValue, let rule = violation["rule"]?.stringValue else { return nil }
                return "\(file) \(pointer) \(rule)"
            })
            #expect(found == ["\(RecordingFolders.enumFile) /transactionState enum", "\(RecordingFolders.requiredFile) /locator required",
                              "\(RecordingFolders.typeFile) /duration type", "\(RecordingFolders.statusFile)  status"])

            let xml = try Data(contentsOf: URL(fileURLWithPath: reports + "/r.xml"))
            #expect(XMLParser(data: xml).parse())
            let text = String(decoding: xml, as: UTF8.self)
            #expect(text.contains(#"<testsuite name="recordings" tests="8" failures="4""#))
            #expect(text.contains(#"<testcase classname="fetchTerm" name="\#(RecordingFolders.requiredFile)""#))
            #expect(text.contains("in responseBody at /locator: required"))
        }
    }

    @Test("a file that is not a recording exits 2, naming the file, line, column and pointer; nothing else is judged")
    func malformedFilesCannotRun() async throws {
        try await RecordingFolders.withCopyOfExamples() { folder in
            try RecordingFolders.tamper(folder, [
                .init(file: RecordingFolders.statusFile, original: #""status": 200"#, replacement: #""status": "ok""#),
                .init(file: RecordingFolders.typeFile, original: #""duration": 259.12,"#, replacement: #""duration": 259.12,,"#),
            ])
            let result = await surety(["check", "--recordings", folder] + contractsArgument)
            #expect(result.code == .failure)
            #expect(result.out == "")
            #expect(result.err.contains("\(folder)/\(RecordingFolders.statusFile):"))
            #expect(result.err.contains("[at /response/status]"))
            #expect(result.err.contains("\(folder)/\(RecordingFolders.typeFile):"))
            #expect(result.err.contains("not JSON"))
            #expect(result.err.contains("has 2 unreadable recording(s)"))
        }
    }

    @Test("a recording whose request now routes to another endpoint fails with an endpoint violation")
    func misroutedRecordingFails() async throws {
        try await RecordingFolders.withCopyOfExamples() { folder in
            let file = RecordingFolders.enumFile
            try RecordingFolders.tamper(folder, [.init(file: file, original: "/transactions/01J8Z3K6Q4M7N2P5R8T1V4W7XA\"",
                                                       replacement: "/transactions/01J8Z3K6Q4M7N2P5R8T1V4W7XA/segment\"")])
            let judged = await surety(["check", "--recordings", folder] + contractsArgument)
            #expect(judged.code == .findings)
            #expect(judged.out.contains("path /endpoint: endpoint: expected the recorded endpoint fetchTransaction, got fetchTransactionSegment"))
        }
    }

    @Test("usage: --recordings with a live-run option, or a missing folder")
    func usage() async {
        let mixed = await surety(["check", "--recordings", "recordings", "--seed", "3"] + contractsArgument)
        #expect(mixed.code == .usage)
        #expect(mixed.err.contains("--recordings checks recorded exchanges offline; --seed drives a backend"))
        let missing = await surety(["check", "--recordings", "/nonexistent/recordings"] + contractsArgument)
        #expect(missing.code == .failure)
        #expect(missing.err.contains("cannot read /nonexistent/recordings: no such file or folder"))
    }
}
