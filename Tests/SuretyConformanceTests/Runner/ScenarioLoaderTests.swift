import Foundation
import SuretyConformance
import SuretyContracts
import SuretyJSON
import Testing

/// A scenario file and the diagnostics loading it must give, side by side.
struct ScenarioSnippet: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: [String]
    var testDescription: String { name }

    static let all: [ScenarioSnippet] = [
        ScenarioSnippet(name: "malformed JSON", text: """
            {"surety": "scenario/1", "steps": [
            """, expected: ["s.json:1:36: error: unexpected end of input: expected a value or ']'"]),
        ScenarioSnippet(name: "wrong version and unknown key", text: """
            {"surety": "scenario/2", "stepz": []}
            """, expected: [
                #"s.json:1:1: error: missing required key "steps""#,
                #"s.json:1:12: error: unsupported format "scenario/2": expected "scenario/1" [at /surety]"#,
                #"s.json:1:26: error: unknown key "stepz"; did you mean "steps"? [at /stepz]"#,
            ]),
        ScenarioSnippet(name: "unknown endpoint with a suggestion", text: """
            {"surety": "scenario/1", "steps": [
              {"endpoint": "fetchTransactoin"}
            ]}
            """, expected: [#"s.json:2:16: error: unknown endpoint "fetchTransactoin"; did you mean fetchTransaction, priceTransaction, resetTransaction? [at /steps/0/endpoint]"#]),
        ScenarioSnippet(name: "route the contract lacks", text: """
            {"surety": "scenario/1", "steps": [
              {"route": "GET /policy/{tenantLocator}/transactionz/{locator}"}
            ]}
            """, expected: [#"s.json:2:13: error: no endpoint GET /policy/{tenantLocator}/transactionz/{locator} in the contract; did you mean GET /policy/{tenantLocator}/transactions/{locator}, GET /policy/{tenantLocator}/transactions/{locator}/price, GET /policy/{tenantLocator}/transactions/{locator}/segment? [at /steps/0/route]"#]),
        ScenarioSnippet(name: "path value for a parameter the template lacks", text: """
            {"surety": "scenario/1", "steps": [
              {"endpoint": "fetchTransaction", "path": {"locatr": "01ARZ3NDEKTSV4RRFFQ69G5FAV"}}
            ]}
            """, expected: [#"s.json:2:45: error: fetchTransaction has no path parameter "locatr"; did you mean locator? [at /steps/0/path/locatr]"#]),
        ScenarioSnippet(name: "reference before its capture", text: """
            {"surety": "scenario/1", "steps": [
              {"endpoint": "fetchTransactionSegment", "path": {"locator": "{{transaction}}"}},
              {"endpoint": "fetchTransaction", "capture": {"transaction": "/locator"}}
            ]}
            """, expected: [#"s.json:2:63: error: {{transaction}} is not captured by an earlier step [at /steps/0/path/locator]"#]),
        ScenarioSnippet(name: "pointer that is not RFC 6901 and a bad status", text: """
            {"surety": "scenario/1", "steps": [
              {"endpoint": "fetchTransaction", "capture": {"t": "locator"}, "expect": {"status": "ok"}}
            ]}
            """, expected: [
                #"s.json:2:53: error: "locator" is not a JSON Pointer (RFC 6901): it must be empty or start with / [at /steps/0/capture/t]"#,
                #"s.json:2:86: error: expected a status code from 100 to 599, found a string [at /steps/0/expect/status]"#,
            ]),
        ScenarioSnippet(name: "a capture that shadows a built-in", text: """
            {"surety": "scenario/1", "steps": [{"endpoint": "fetchTransaction", "capture": {"tenantLocator": "/locator"}}]}
            """, expected: [#"s.json:1:81: error: tenantLocator is a built-in reference and cannot be captured [at /steps/0/capture/tenantLocator]"#]),
        ScenarioSnippet(name: "a step with neither endpoint nor route", text: """
            {"surety": "scenario/1", "steps": [{"name": "lost"}]}
            """, expected: [#"s.json:1:36: error: name the endpoint: "endpoint": ID or "route": "METHOD /template" [at /steps/0]"#]),
        ScenarioSnippet(name: "an admin step outside /__surety/, with path values, or with an endpoint too", text: """
            {"surety": "scenario/1", "steps": [
              {"admin": "POST /policy/reset"},
              {"admin": "POST /__surety/reset", "path": {"locator": "x"}},
              {"admin": "POST /__surety/reset", "endpoint": "fetchTransaction"}
            ]}
            """, expected: [
                #"s.json:2:13: error: expected "METHOD /__surety/name", found "POST /policy/reset" [at /steps/0/admin]"#,
                "s.json:3:46: error: an admin step sends its route as written: give no path or query values [at /steps/1/path/locator]",
                #"s.json:4:3: error: give one of "endpoint", "route" and "admin" [at /steps/2]"#,
            ]),
        ScenarioSnippet(name: "three problems in one file, a repeated key among them", text: """
            {"surety": "scenario/1", "steps": [
              {"endpoint": "fetchTransaction", "expect": {"status": 200}, "expect": {"status": 404}},
              {"endpoint": "fetchTransactoin", "query": {"x": null}}
            ]}
            """, expected: [
                #"s.json:2:63: error: duplicate key "expect" [at /steps/0/expect]"#,
                #"s.json:3:16: error: unknown endpoint "fetchTransactoin"; did you mean fetchTransaction, priceTransaction, resetTransaction? [at /steps/1/endpoint]"#,
                "s.json:3:51: error: expected a string, number or boolean, found null [at /steps/1/query/x]",
            ]),
    ]
}

@Suite("The scenario loader reports every problem with file, position and pointer")
struct ScenarioLoaderTests {
    @Test("a broken scenario gives its diagnostics and no scenario", arguments: ScenarioSnippet.all)
    func diagnostics(_ snippet: ScenarioSnippet) {
        let loaded = ScenarioLoader(contract: RunnerFixtures.contract).load(files: [.init(name: "s.json", bytes: Array(snippet.text.utf8))])
        #expect(loaded.diagnostics.map(\.description) == snippet.expected)
        #expect(loaded.scenarios.isEmpty)
    }

    @Test("a good scenario reads every field")
    func readsEveryField() throws {
        let text = """
            {"surety": "scenario/1", "name": "walk", "description": "d", "steps": [
              {"name": "one", "endpoint": "fetchTransaction", "capture": {"tx": "/locator"}},
              {"route": "get /policy/{tenantLocator}/transactions/{locator}/segment", "path": {"locator": "{{tx}}"},
               "query": {"a": [1, true]}, "headers": {"X-Id": "id-{{tx}}"}, "body": {"x": "{{tx}}"},
               "expect": {"status": [200, 404], "body": {"/locator": "{{tx}}"}}}
            ]}
            """
        let loaded = ScenarioLoader(contract: RunnerFixtures.contract).load(files: [.init(name: "walk.json", bytes: Array(text.utf8))])
        #expect(loaded.diagnostics == [])
        let scenario = try #require(loaded.scenarios.first)
        #expect(scenario.name == "walk")
        #expect(scenario.steps.map(\.name) == ["one", "step 2"])
        let second = scenario.steps[1]
        #expect(second.target == .route(method: "GET", path: "/policy/{tenantLocator}/transactions/{locator}/segment"))
        #expect(second.pathValues == [Scenario.Field(name: "locator", value: "{{tx}}")])
        #expect(second.query.map(\.value.description) == ["1", "true"])
        #expect(second.headers.first?.value.references == ["tx"])
        #expect(second.expectation.statuses == [200, 404])
        #expect(second.expectation.values.first?.pointer == "/locator")
        #expect(second.location?.description == "walk.json:3:3")
        #expect(scenario.steps[0].captures == [Scenario.Capture(name: "tx", pointer: "/locator")])
    }

    @Test("the repository's scenarios load cleanly")
    func repositoryScenarios() throws {
        let loaded = try ScenarioLoader(contract: RunnerFixtures.contract).load(directory: RunnerFixtures.scenariosDirectory)
        #expect(loaded.diagnostics == [])
        #expect(loaded.scenarios.filter { !$0.name.hasPrefix("emulator-") }.map(\.name) == ["policy-terms", "transaction-lifecycle", "transaction-segment",
                                                                                                   "writes-draft-change"])
        #expect(loaded.scenarios.filter { $0.name.hasPrefix("emulator-") }.count == 27)
    }

    @Test("the example in contracts/scenarios/README.md loads cleanly")
    func readmeExample() throws {
        let readme = try String(contentsOfFile: RunnerFixtures.scenariosDirectory + "/README.md", encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "```json\n").dropFirst().first?.components(separatedBy: "```").first)
        let loaded = ScenarioLoader(contract: RunnerFixtures.contract).load(files: [.init(name: "README.md", bytes: Array(block.utf8))])
        #expect(loaded.diagnostics == [])
        #expect(loaded.scenarios.first?.steps.count == 2)
    }

    @Test("templates split text and references")
    func templates() {
        let template = TemplateString("a-{{x}}-{{ $ulid }}-{{not a name}}")
        #expect(template.references == ["x", "$ulid"])
        #expect(template.render { $0 == "x" ? "1" : "U" } == "a-1-U-{{not a name}}")
        #expect(TemplateString("{{x}}").soleReference == "x")
        #expect(TemplateString("{{x}}{{y}}").soleReference == nil)
    }
}
