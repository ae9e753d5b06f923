import Foundation
import SuretyEmbeddedContract
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// Where a command finds the contract: `--contracts DIR`, else `$SURETY_CONTRACTS`, else the contract embedded in
/// `surety`, so that every command works from any folder.
@Suite("the contract a command reads")
struct ContractSourceTests {
    /// A one-file contract that is not the project's (2 endpoints), to tell which contract a command read.
    static let smallContract = TestRepository.root + "/Tests/SuretyRecordingsTests/DiffCases/contract"

    @Test("--contracts wins over $SURETY_CONTRACTS, which wins over the embedded contract; an empty value is ignored")
    func order() throws {
        let given = ContractSource(option: "/a", embedded: "/embedded")
        let none = ContractSource(option: nil, embedded: "/embedded")
        #expect(given.origin(environment: "/b") == .option("/a"))
        #expect(none.origin(environment: "/b") == .environment("/b"))
        #expect(none.origin(environment: "") == .embedded("/embedded"))
        #expect(none.origin(environment: nil) == .embedded("/embedded"))
        #expect(ContractSource(option: "", embedded: "/embedded").origin(environment: nil) == .embedded("/embedded"))
        #expect(ContractSource(option: nil, embedded: nil).origin(environment: nil) == nil)
        let scanned = try ArgumentScanner(["--contracts", "/a"], options: ["contracts"], flags: [])
        #expect(ContractSource(scanned, embedded: nil).origin(environment: nil) == .option("/a"))
        #expect(ContractSource(arguments: ["--contracts=/c", "--help"]).option == "/c")
        #expect(ContractSource(arguments: ["--help", "--contracts", "/d"]).option == "/d")
    }

    @Test("an executable without its resource bundle says so and exits 2 instead of crashing")
    func missingEmbeddedContract() {
        let console = CapturingConsole()
        #expect(ContractSource(option: nil, embedded: nil).loadOrReport(console) == nil)
        #expect(console.errors.contains("no contract: the embedded one is missing"))
        #expect(console.errors.contains("pass --contracts DIR or set $SURETY_CONTRACTS"))
        #expect(EmbeddedContract.directory(beside: URL(fileURLWithPath: "/nonexistent")) == nil)
    }

    @Test("every command reads $SURETY_CONTRACTS from its console's environment, and --contracts beats it")
    func everyCommandHonoursTheVariable() async {
        let environment = [ContractSource.environmentVariable: Self.smallContract]
        let routes = await surety(["routes"], environment: environment)
        #expect(routes.code == .success)
        #expect(routes.out.hasSuffix("\n2 endpoints\n"), "\(routes.out)")
        let lint = await surety(["lint"], environment: environment)
        #expect(lint.out.contains("2 endpoints"), "\(lint.out)")
        let overridden = await surety(["routes", "--contracts", TestRepository.contracts], environment: environment)
        #expect(overridden.out.hasSuffix("\n77 endpoints\n"))
        let missing = await surety(["lint"], environment: [ContractSource.environmentVariable: "/nonexistent-contract"])
        #expect(missing.code == .failure)
        #expect(missing.err.contains("/nonexistent-contract"))
        for command in ["schemas", "openapi", "check", "serve"] {
            let result = await surety([command], environment: [ContractSource.environmentVariable: "/nonexistent-contract"])
            #expect(result.code == .failure, "\(command)")
            #expect(result.err.contains("/nonexistent-contract"), "\(command): \(result.err)")
        }
    }

    @Test("without --contracts or the variable, commands read the embedded contract, and --help says which is in use")
    func embeddedByDefault() async throws {
        let routes = await surety(["routes"])
        #expect(routes.code == .success)
        #expect(routes.out.hasSuffix("\n77 endpoints\n"))
        let help = await surety(["serve", "--help"])
        #expect(help.out.hasSuffix("contract: embedded (surety \(CommandLineTool.version))\n"))
        let given = await surety(["routes", "--contracts", "/x", "--help"])
        #expect(given.out.hasSuffix("contract: /x (--contracts)\n"))
        let variable = await surety(["lint", "--help"], environment: [ContractSource.environmentVariable: "/y"])
        #expect(variable.out.hasSuffix("contract: /y ($SURETY_CONTRACTS)\n"))
        let noContract = await surety(["json-check", "--help"])
        #expect(!noContract.out.contains("contract:"))
    }

    @Test("the embedded contract is the same files as contracts/, byte for byte")
    func embeddedCopyHasNotDrifted() throws {
        let embedded = try #require(EmbeddedContract.directory, "the resource bundle is beside the test executable")
        let files = { (root: String) throws -> [String] in
            try FileManager.default.subpathsOfDirectory(atPath: root).filter { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
            }.sorted()
        }
        let expected = try files(TestRepository.contracts)
        #expect(try files(embedded) == expected)
        #expect(expected.contains("scenarios/README.md"))
        for file in expected {
            #expect(FileManager.default.contentsEqual(atPath: embedded + "/" + file, andPath: TestRepository.contracts + "/" + file), "\(file)")
        }
    }

    @Test("the built surety, run from an empty folder, lists the embedded contract's 77 endpoints")
    func builtExecutableFromAnyFolder() async throws {
        let folder = try TestRepository.temporaryDirectory("surety-anywhere")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Through a shell, so that the folder and the environment are the child's alone.
        let script = "cd '\(folder)' && unset SURETY_CONTRACTS && exec '\(RunningProcess.suretyExecutable)'"
        let routes = try await ToolRunner.run("/bin/sh", ["-c", script + " routes"], timeout: 60)
        #expect(routes.status == 0, "\(routes.standardError)")
        #expect(routes.standardOutput.hasSuffix("\n77 endpoints\n"))
        let lint = try await ToolRunner.run("/bin/sh", ["-c", script + " lint"], timeout: 60)
        #expect(lint.status == 0, "\(lint.standardError)")
        let help = try await ToolRunner.run("/bin/sh", ["-c", script + " routes --help"], timeout: 60)
        #expect(help.standardOutput.contains("contract: embedded (surety \(CommandLineTool.version))"))
    }

    @Test("the embedded contract's files are named contracts/…, not by the resource bundle's path: the export from it is the committed one")
    func embeddedFileNamesAreTheRepository() async throws {
        let export = await surety(["openapi"])
        #expect(export.code == .success, "\(export.err)")
        #expect(export.out.contains("(contracts/jobs.json)"))
        #expect(!export.out.contains(EmbeddedContract.bundleName) && !export.out.contains(".build/"))
        let committed = try String(contentsOfFile: TestRepository.root + "/Examples/OpenAPIClient/Sources/SuretyAPI/openapi.json", encoding: .utf8)
        #expect(export.out == committed, "regenerate with: swift run surety openapi -o Examples/OpenAPIClient/Sources/SuretyAPI/openapi.json")
    }

    @Test("the built surety, run from an empty folder with SURETY_CONTRACTS=DIR, reads DIR")
    func builtExecutableReadsTheVariable() async throws {
        let folder = try TestRepository.temporaryDirectory("surety-variable")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = "cd '\(folder)' && SURETY_CONTRACTS='\(Self.smallContract)' exec '\(RunningProcess.suretyExecutable)'"
        for command in ["routes", "lint"] {
            let result = try await ToolRunner.run("/bin/sh", ["-c", "\(script) \(command)"], timeout: 60)
            #expect(result.status == 0, "\(command): \(result.standardError)")
            #expect(result.standardOutput.contains("2 endpoints"), "\(command): \(result.standardOutput)")
        }
        let help = try await ToolRunner.run("/bin/sh", ["-c", script + " routes --help"], timeout: 60)
        #expect(help.standardOutput.contains("contract: \(Self.smallContract) ($SURETY_CONTRACTS)"))
    }

    @Test("surety --version prints the version")
    func version() async {
        let console = CapturingConsole()
        let code = await CommandLineTool.run(["--version"], console: console)
        #expect(code == .success)
        #expect(console.output == "surety \(CommandLineTool.version)\n")
    }
}
