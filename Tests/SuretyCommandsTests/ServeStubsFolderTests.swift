import Foundation
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// `surety serve --stubs DIR` refusing to start: every problem of every stub file, compiler-style, in one run.
@Suite("surety serve --stubs: every problem of a stub file in one run")
struct ServeStubsFolderTests {
    /// Runs `serve --stubs` over files named and written as given; the server never starts, as a file is wrong.
    func serve(_ files: [String: String]) async throws -> (code: ExitCode, err: String, directory: String) {
        let directory = try TestRepository.temporaryDirectory("surety-stubs")
        for (name, text) in files { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
        let result = await surety(["serve", "--port", "0", "--mock", "--stubs", directory] + contractsArgument)
        try? FileManager.default.removeItem(atPath: directory)
        return (result.code, result.err, directory)
    }

    @Test("a file with three problems reports all three with line, column and pointer, and pins nothing")
    func threeProblems() async throws {
        let (code, err, directory) = try await serve(["a.json": """
            [
              {"method": "", "path": "/policy/*/transactions/{locator}", "response": {"status": 700}},
              {"method": "GET", "path": "transactions"}
            ]
            """])
        #expect(code == .failure)
        let lines = err.split(separator: "\n").map(String.init)
        #expect(lines == [
            #"\#(directory)/a.json:2:14: error: expected a method such as "GET", found "" [at /0/method]"#,
            #"\#(directory)/a.json:2:85: error: expected a status from 100 to 599, found 700 [at /0/response/status]"#,
            #"\#(directory)/a.json:3:29: error: expected a path pattern starting with /, found "transactions" [at /1/path]"#,
            "surety serve: --stubs \(directory): 3 problems, no stub pinned",
        ], "\(err)")
    }

    @Test("the contract's violations of a well-formed stub are reported beside another file's problems, at the stub")
    func violationsBesideProblems() async throws {
        let (code, err, directory) = try await serve([
            "a.json": #"{"method": "GET", "path": "/policy/*/transactions/{locator}", "response": {"body": {"locator": "x"}}}"#,
            "b.json": #"{"method": "GET", "path": "/x", "respnse": {}}"#,
        ])
        #expect(code == .failure)
        let lines = err.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("\(directory)/a.json:1:1: error: fetchTransaction: ") == true, "\(err)")
        #expect(lines.first?.hasSuffix(#"("allowInvalid": true pins it anyway)"#) == true, "\(err)")
        #expect(lines.contains(#"\#(directory)/b.json:1:33: error: unknown key "respnse"; did you mean "response"? [at /respnse]"#), "\(err)")
    }
}
