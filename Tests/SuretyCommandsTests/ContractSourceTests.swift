import Foundation
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// Where a command finds the contract: `--contracts DIR`, else `$SURETY_CONTRACTS`, else `./contracts`.
@Suite("the contract a command reads")
struct ContractSourceTests {
    @Test("--contracts wins over $SURETY_CONTRACTS, which wins over ./contracts; an empty variable is ignored")
    func order() throws {
        let given = try ArgumentScanner(["--contracts", "/a"], options: ["contracts"], flags: [])
        let none = try ArgumentScanner([], options: ["contracts"], flags: [])
        #expect(ContractSource(given, environment: ["SURETY_CONTRACTS": "/b"]).directory == "/a")
        #expect(ContractSource(none, environment: ["SURETY_CONTRACTS": "/b"]).directory == "/b")
        #expect(ContractSource(none, environment: ["SURETY_CONTRACTS": ""]).directory == "contracts")
        #expect(ContractSource(none, environment: [:]).directory == "contracts")
    }

    @Test("surety routes and surety lint, as processes from another folder, read $SURETY_CONTRACTS")
    func environmentIsRead() async throws {
        // Through a shell, so that the folder and the variable are the child's alone (Foundation's Process crashed
        // setting them while parallel tests launched processes).
        for command in ["routes", "lint"] {
            let script = "cd /tmp && SURETY_CONTRACTS='\(TestRepository.contracts)' exec '\(RunningProcess.suretyExecutable)' \(command)"
            let result = try await ToolRunner.run("/bin/sh", ["-c", script], timeout: 60)
            #expect(result.status == 0, "\(command): \(result.standardError)")
        }
    }

    @Test("surety --version prints the version")
    func version() async {
        let console = CapturingConsole()
        let code = await CommandLineTool.run(["--version"], console: console)
        #expect(code == .success)
        #expect(console.output == "surety \(CommandLineTool.version)\n")
    }
}
