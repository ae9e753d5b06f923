import Foundation
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// Runs `surety` in-process with a capturing console.
func surety(_ arguments: [String], environment: [String: String] = [:]) async -> (code: ExitCode, out: String, err: String) {
    let console = CapturingConsole(environment: environment)
    let code = await CommandLineTool.run(arguments, console: console)
    return (code, console.output, console.errors)
}

let contractsArgument = ["--contracts", TestRepository.root + "/contracts"]

@Suite struct RoutesCommandTests {
    @Test func listsEveryEndpointAsTheGoldenTextShows() async throws {
        let result = await surety(["routes"] + contractsArgument)
        #expect(result.code == .success)
        GoldenFile.expect(result.out, matches: "Tests/SuretyCommandsTests/Golden/routes.txt")
    }

    @Test func listsExactlySeventySevenEndpointsAsJSON() async throws {
        let result = await surety(["routes", "--format", "json"] + contractsArgument)
        #expect(result.code == .success)
        GoldenFile.expect(result.out, matches: "Tests/SuretyCommandsTests/Golden/routes.json")
        let rows = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]]
        #expect(rows?.count == 77)
        #expect(rows?.filter { $0["deprecated"] as? Bool == true }.count == 3)
    }
}

@Suite struct LintCommandTests {
    @Test func theProjectContractHasNoErrors() async {
        let result = await surety(["lint"] + contractsArgument)
        #expect(result.code == .success)
        #expect(result.out.contains("77 endpoints, 83 schemas: 0 error(s)"))
    }

    @Test func aBrokenContractExitsOneAndAMissingFolderTwo() async {
        let broken = TestRepository.root + "/Tests/SuretyContractsTests/BrokenContracts/unknown-type"
        let result = await surety(["lint", "--contracts", broken])
        #expect(result.code == .findings)
        #expect(result.out.contains("error: unknown type TermRespons in Thing.other"))
        #expect(await surety(["lint", "--contracts", "/nonexistent/folder"]).code == .failure)
    }

    @Test func usageErrorsExitSixtyFourWithASuggestion() async {
        let result = await surety(["lint", "--contract", "x"])
        #expect(result.code == .usage)
        #expect(result.err.contains("unknown option --contract; did you mean --contracts?"))
        #expect(await surety(["lnit"]).err.contains("did you mean lint?"))
        #expect(await surety([]).code == .usage)
    }
}
