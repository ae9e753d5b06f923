import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyJSON
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// Runs `surety check` with a capturing console.
func check(_ arguments: [String], environment: [String: String] = [:],
           backend: CheckCommand.BackendFactory? = nil) async throws -> (code: ExitCode, out: String, err: String) {
    let console = CapturingConsole(environment: environment)
    let command = try CheckCommand(arguments: ["--contracts", TestRepository.contracts] + arguments,
                                   makeInProcessBackend: backend ?? CheckCommand.defaultInProcessBackend)
    let code = await command.run(console: console)
    return (code, console.output, console.errors)
}

@Suite("surety check")
struct CheckCommandTests {
    @Test("in-process, the built-in backend conforms: exit 0, a summary, JSON and JUnit reports")
    func inProcessConforms() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-check")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await check(["--seed", "3", "--report", "json:\(directory)/r.json,junit:\(directory)/r.xml"])
        #expect(result.code == .success, "\(result.err)")
        #expect(result.out.contains("endpoints: 77 of 77 exercised, "))
        #expect(result.out.contains("Result: conforms"))
        #expect(result.err == "")
        let json = try JSONParser().parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(directory)/r.json")))).value()
        #expect(json["seed"]?.numberValue?.intValue == 3)
        #expect(json["scenarios"]?.arrayValue?.count == 31)
        let xml = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/r.xml"))
        #expect(XMLParser(data: xml).parse())
        let again = try await check(["--seed", "3", "--report", "json:\(directory)/r2.json"])
        #expect(again.code == .success)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(directory)/r.json")) == Data(contentsOf: URL(fileURLWithPath: "\(directory)/r2.json")))
    }

    @Test("a broken in-process backend exits 1 and, on GitHub Actions, annotates the contract line")
    func brokenExitsOne() async throws {
        let broken: CheckCommand.BackendFactory = { contract, options in
            let inner = GeneratedBackend(contract: contract, seed: options.seed)
            return CallbackResponder { request in
                var response = await inner.respond(to: request)
                if request.target.contains("/segment"), response.status.code == 200 { response.headers["Content-Type"] = "text/html" }
                return response
            }
        }
        let result = try await check(["--no-negative-probes", "--no-scenarios"], environment: ["GITHUB_ACTIONS": "true"], backend: broken)
        #expect(result.code == .findings)
        #expect(result.out.contains("responseHeader /Content-Type: contentType: expected application/json, got text/html"))
        #expect(result.out.contains("::error file="))
        #expect(result.out.contains("policy-transactions.json,line="))
    }

    @Test("usage errors exit 64 with a reason")
    func usageErrors() async throws {
        func usage(_ arguments: [String]) -> String? {
            do {
                _ = try CheckCommand(arguments: arguments)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(usage(["--no-probe", "no-tokn"]) == "unknown probe no-tokn; did you mean no-token?; probes: malformed-tenant, malformed-locator, unknown-locator, no-token, no-permission")
        #expect(usage(["--report", "xml:out.xml"]) == "--report format must be one of json, junit, got xml")
        #expect(usage(["--tenant", "acme"]) == "--tenant needs a UUID (8-4-4-4-12 hexadecimal), got acme")
        #expect(usage(["--base-url", "ftp://x"]) == "--base-url needs an http or https URL, got ftp://x")
        #expect(usage(["--recordings", "dir", "--base-url", "http://127.0.0.1:1"])
                == "--recordings checks recorded exchanges offline; --base-url drives a backend, give one or the other")
        #expect(usage(["--recordings", "dir", "--no-scenarios"])
                == "--recordings checks recorded exchanges offline; --no-scenarios drives a backend, give one or the other")
        #expect(usage(["--seed", "-1"]) == "--seed needs a whole number from 0 to 18446744073709551615, got -1")
        #expect(usage(["--scenarios", "x", "--no-scenarios"]) == "give --scenarios DIR or --no-scenarios, not both")
        #expect(usage(["--no-probe", "no-token,unknown-locator", "--strict"]) == nil)
    }

    @Test("a broken scenario folder stops the run with exit 2 and every diagnostic")
    func brokenScenariosExitTwo() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-check")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(#"{"surety": "scenario/1", "steps": [{"endpoint": "nope"}, {"route": "GET /x"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: directory + "/bad.json"))
        let result = try await check(["--scenarios", directory])
        #expect(result.code == .failure)
        #expect(result.err.contains("bad.json:1:49: error: unknown endpoint \"nope\""))
        #expect(result.err.contains("[at /steps/1/route]"))
        #expect(try await check(["--scenarios", directory + "/missing"]).code == .failure)
    }

    @Test("lint ignores contracts/scenarios/")
    func lintIgnoresScenarios() async {
        let console = CapturingConsole()
        let code = await CommandLineTool.run(["lint", "--contracts", TestRepository.contracts], console: console)
        #expect(code == .success)
        #expect(console.output.contains("77 endpoints, 83 schemas: 0 error(s)"))
    }

    @Test("over a real socket: serve the generated backend on 127.0.0.1 port 0 and check it with --base-url")
    func realSocket() async throws {
        let contract = try #require(try? ContractLoader().load(directory: TestRepository.contracts).contract)
        let server = HTTPServer(host: "127.0.0.1", port: 0, eventLoopCount: 1, responder: GeneratedBackend(contract: contract))
        let port = try server.start()
        let result = try await check(["--base-url", "http://127.0.0.1:\(port)", "--timeout", "10", "--no-scenarios",
                                    "--allow-writes", "--allow-issue"])
        await server.stop(gracePeriod: .seconds(2))
        #expect(result.code == .success, "\(result.out.suffix(2_000))\(result.err)")
        #expect(result.out.contains("surety check: http://127.0.0.1:\(port)"))
        #expect(result.out.contains("endpoints: 77 of 77 exercised"))
    }

    @Test("an unreachable --base-url exits 2")
    func unreachable() async throws {
        let result = try await check(["--base-url", "http://127.0.0.1:9", "--timeout", "5"])
        #expect(result.code == .failure)
        #expect(result.err.contains("cannot reach http://127.0.0.1:9"))
    }
}
