import Foundation
import SuretyTestSupport
import Testing

/// Every command that reads a recordings folder, run as a process beside a FIFO named like a recording: each one
/// finishes (a reader that opened the FIFO would wait for a writer until the runner's timeout killed it) and warns
/// with the FIFO's path.
@Suite("commands skip a FIFO in a recordings folder with a warning")
struct SpecialEntryProcessTests {
    static let fifo = "fetchTerm/000099-00000000.json"

    /// The example recordings plus a FIFO, in a temporary folder removed after `body`.
    func withFIFOBesideExamples(_ body: (_ folder: String, _ warning: String) async throws -> Void) async throws {
        try await RecordingFolders.withCopyOfExamples("surety-fifo") { folder in
            try FIFO.make(at: folder + "/" + Self.fifo)
            try await body(folder, "\(folder)/\(Self.fifo): warning: skipped without opening it: a FIFO (named pipe), not a regular file")
        }
    }

    func run(_ arguments: [String]) async throws -> ToolRunner.Output {
        try await ToolRunner.run(RunningProcess.suretyExecutable, arguments + ["--contracts", TestRepository.contracts], timeout: 120)
    }

    @Test("check --recordings, diff and har export finish, exit 0 and name the FIFO", .timeLimit(.minutes(8)))
    func offlineCommands() async throws {
        try await withFIFOBesideExamples { folder, warning in
            let check = try await run(["check", "--recordings", folder])
            #expect(check.status == 0, "\(check.standardError)")
            #expect(check.standardError.contains(warning), "\(check.standardError)")
            #expect(check.standardOutput.contains("Result: conforms (8 passed, 0 failed, 0 unreached, 0 skipped)"))

            let diff = try await run(["diff", folder, TestRepository.root + "/recordings"])
            #expect(diff.status == 0, "\(diff.standardError)")
            #expect(diff.standardError.contains(warning), "\(diff.standardError)")

            let har = (folder as NSString).deletingLastPathComponent + "/out.har"
            let export = try await run(["har", "export", folder, har])
            #expect(export.status == 0, "\(export.standardError)")
            #expect(export.standardError.contains(warning), "\(export.standardError)")
            #expect(export.standardOutput.contains("exported 8 exchange(s)"))
        }
    }

    @Test("serve --replay starts, answers from the good recordings and names the FIFO", .timeLimit(.minutes(5)))
    func replay() async throws {
        try await withFIFOBesideExamples { folder, warning in
            let server = try RunningProcess(arguments: ["serve", "--replay", folder, "--port", "0", "--quiet", "--no-auth",
                                                        "--contracts", TestRepository.contracts])
            let address = await server.readLine(timeout: 90)?.split(separator: " ").last.map(String.init)
            var status: Int?
            if let address, address.hasPrefix("http://127.0.0.1:") {
                let response = try? await URLSessionClient.send(address + "/policy/5f0c4e3a-8b2d-4c1e-9a7f-3d6b2e1c0a94/terms/01J8Z3F0B2C4D6E8G0H2J4K6PQ",
                                                                timeout: 60)
                status = response?.status
            }
            let stopped = await server.stop()
            #expect(address != nil, "serve printed its address: \(stopped.standardError)")
            #expect(status == 200, "the recorded fetchTerm answers")
            #expect(stopped.standardError.contains(warning), "\(stopped.standardError)")
        }
    }
}
