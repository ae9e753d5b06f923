import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import Testing
import SuretyTestSupport

@Suite("Reports are deterministic and well-formed")
struct ReportFormatTests {
    @Test("two runs with the same backend and seed give byte-identical JSON")
    func deterministicJSON() async throws {
        let contract = RunnerFixtures.contract
        let scenarios = try ScenarioLoader(contract: contract).load(directory: RunnerFixtures.scenariosDirectory).scenarios
        let options = ConformanceRunner.Options(seed: 42)
        let first = await ConformanceRunner(contract: contract, backend: GeneratedBackend(contract: contract, seed: 42),
                                            options: options, scenarios: scenarios).run()
        let second = await ConformanceRunner(contract: contract, backend: GeneratedBackend(contract: contract, seed: 42),
                                             options: options, scenarios: scenarios).run()
        #expect(first.jsonBytes() == second.jsonBytes())
        let other = await ConformanceRunner(contract: contract, backend: GeneratedBackend(contract: contract, seed: 42),
                                            options: .init(seed: 43), scenarios: scenarios).run()
        #expect(first.jsonBytes() != other.jsonBytes())
        #expect(String(decoding: first.jsonBytes(), as: UTF8.self).contains("Nanoseconds") == false)
        #expect(String(decoding: first.jsonBytes(includingTimings: true), as: UTF8.self).contains("totalNanoseconds"))
    }

    @Test("JUnit XML parses back, with one test case per endpoint and check and escaped failures")
    func junitIsWellFormed() async throws {
        let backend = TamperingResponder(inner: GeneratedBackend(contract: RunnerFixtures.contract), endpointID: "fetchTransaction",
                                         tamper: TamperingResponder.editingJSON { $0.setting("<&\"'\u{1}]]>", at: "/transactionState") })
        let report = await RunnerFixtures.run(backend)
        let xml = JUnitReport.render(report)
        let collector = JUnitCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        #expect(collector.testcases.count == report.results.count)
        #expect(collector.suites == ["surety check", "endpoints"])
        #expect(collector.failures.count == 1)
        let failure = try #require(collector.failures.first)
        #expect(failure.contains("at /transactionState: enum"))
        #expect(failure.contains("actual \"<&\"'\u{FFFD}]]>\""))
        #expect(collector.testcases.contains("fetchTransaction/valid"))
        #expect(collector.testcases.contains("fetchTransaction/unknown-locator"))
    }

    @Test("GitHub annotations point at the endpoint's line in the contract and escape their message")
    func githubAnnotations() async throws {
        let backend = TamperingResponder(inner: GeneratedBackend(contract: RunnerFixtures.contract), endpointID: "fetchTransaction",
                                         tamper: { var response = $0; response.status = .internalServerError; return response })
        let report = await RunnerFixtures.run(backend, options: .init(negativeProbes: []))
        let lines = GitHubAnnotations.render(report, contract: RunnerFixtures.contract)
        let line = try #require(lines.first)
        let location = try #require(RunnerFixtures.contract.endpoint(id: "fetchTransaction")?.location)
        #expect(lines.count == 1)
        #expect(line.hasPrefix("::error file=\(location.file.replacingOccurrences(of: ":", with: "%3A")),line=\(location.position.line),title=fetchTransaction valid::GET /policy/"))
        #expect(line.hasSuffix("→ 500: status: status: expected 200 or a conventional 4xx, got 500"))
        let relative = GitHubAnnotations.render(report, contract: RunnerFixtures.contract, relativeTo: RunnerFixtures.repository.path)
        #expect(relative.first?.hasPrefix("::error file=contracts/policy-transactions.json,line=\(location.position.line),") == true)
    }

    @Test("the terminal summary uses colour only when asked")
    func colours() async {
        let report = await RunnerFixtures.run(GeneratedBackend(contract: RunnerFixtures.contract), options: .init(negativeProbes: []))
        #expect(!TextReport(colors: false).render(report).contains("\u{1B}["))
        #expect(TextReport(colors: true).render(report).contains("\u{1B}[32mResult: conforms"))
    }
}

/// Collects the test cases, suites and failure texts of a JUnit document.
final class JUnitCollector: NSObject, XMLParserDelegate, @unchecked Sendable {
    // Safe: used by one parser on one thread, then read after parsing finished.
    var testcases: [String] = []
    var suites: [String] = []
    var failures: [String] = []
    private var inFailure = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch element {
        case "testcase": testcases.append("\(attributes["classname"] ?? "")/\(attributes["name"] ?? "")")
        case "testsuites", "testsuite": suites.append(attributes["name"] ?? "")
        case "failure":
            inFailure = true
            failures.append("")
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inFailure { failures[failures.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "failure" { inFailure = false }
    }
}
