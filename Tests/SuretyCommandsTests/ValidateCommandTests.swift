import Foundation
import Testing
@testable import SuretyCommands

@Suite struct ValidateCommandTests {
    static let validTerm = #"{"locator": "01ARZ3NDEKTSV4RRFFQ69G5FAV", "staticLocator": "01ARZ3NDEKTSV4RRFFQ69G5FAV", "policyLocator": "01ARZ3NDEKTSV4RRFFQ69G5FAV", "startTime": "2024-01-01T00:00:00Z", "endTime": "2025-01-01T00:00:00Z", "number": 1}"#

    func temporaryFile(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "surety-validate-\(UUID().uuidString).json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aValidDocumentExitsZero() async throws {
        let file = try temporaryFile(Self.validTerm)
        let result = await surety(["validate", "--schema", "TermResponse", file] + contractsArgument)
        #expect(result.code == .success)
        #expect(result.out == "\(file): valid\n")
    }

    @Test func anInvalidDocumentListsEveryIssueWithItsRuleAndExitsOne() async throws {
        let file = try temporaryFile(#"{"locator": "x", "startTime": "yesterday", "number": 1.5}"#)
        let result = await surety(["validate", "--schema", "TermResponse", file] + contractsArgument)
        #expect(result.code == .findings)
        #expect(result.out.contains("\(file): /startTime: format: expected datetime, got \"yesterday\" (TermResponse.startTime at "))
        #expect(result.out.contains("/number: type: expected integer, got number 1.5"))
        #expect(result.out.contains("/endTime: required: expected property endTime (datetime), got missing"))
    }

    @Test func malformedJSONIsReportedWithLineAndColumnAndExitsTwo() async throws {
        let file = try temporaryFile("{\n  \"a\": [1,]\n}")
        let result = await surety(["validate", "--schema", "TermResponse", file] + contractsArgument)
        #expect(result.code == .failure)
        #expect(result.out == "\(file):2:11: error: malformed JSON: trailing comma: expected a value after ','\n")
    }

    @Test func ndjsonReportsIssuesWithTheirLineNumbers() async throws {
        let bad = #"{"locator": "01ARZ3NDEKTSV4RRFFQ69G5FAV"}"#
        let file = try temporaryFile([Self.validTerm, bad, "", "{nope", Self.validTerm].joined(separator: "\n") + "\n")
        let result = await surety(["validate", "--ndjson", "--schema", "TermResponse", file] + contractsArgument)
        #expect(result.code == .findings)
        #expect(result.out.contains("\(file):2: /staticLocator: required"))
        #expect(result.out.contains("\(file):4:2: error: malformed JSON"))
        #expect(result.out.hasSuffix("documents=4 invalid=2 warnings=0\n"))
    }

    @Test func ndjsonAsJSONEndsWithTheSummaryObject() async throws {
        let file = try temporaryFile([Self.validTerm, #"{"locator": 1}"#].joined(separator: "\n") + "\n")
        let result = await surety(["validate", "--ndjson", "--format", "json", "--schema", "TermResponse", file] + contractsArgument)
        #expect(result.out.hasPrefix(#"{"line":2,"valid":false,"issues":["#))
        #expect(result.out.hasSuffix(#"{"summary":{"documents":2,"invalid":1,"warnings":0}}"# + "\n"))
    }

    @Test func validatesAnEndpointsListShapeAndRequestBody() async throws {
        let bare = try temporaryFile("[" + Self.validTerm + "]")
        #expect(await surety(["validate", "--endpoint", "fetchTermsForPolicy", bare] + contractsArgument).code == .success)
        #expect(await surety(["validate", "--endpoint", "fetchTermsForPolicy", "--extended", bare] + contractsArgument).code == .findings)
        let page = try temporaryFile(#"{"listCompleted": true, "items": [\#(Self.validTerm)]}"#)
        #expect(await surety(["validate", "--endpoint", "fetchTermsForPolicy", "--extended", page] + contractsArgument).code == .success)
        let locators = try temporaryFile(#"["01ARZ3NDEKTSV4RRFFQ69G5FAV"]"#)
        #expect(await surety(["validate", "--endpoint", "removeElementsFromPolicyWithTransaction", "--request", locators] + contractsArgument).code == .success)
    }

    @Test func jsonFormatCarriesPointerRuleExpectedAndActual() async throws {
        let file = try temporaryFile(#"{"number": "x"}"#)
        let result = await surety(["validate", "--schema", "TermResponse", "--format", "json", file] + contractsArgument)
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        let issues = try #require(object?["issues"] as? [[String: Any]])
        #expect(issues.first?["pointer"] as? String == "/number")
        #expect(issues.first?["rule"] as? String == "type")
        #expect(issues.first?["expected"] as? String == "integer")
        #expect(issues.first?["actual"] as? String == "string")
        #expect(issues.count == 6)
        #expect(object?["valid"] as? Bool == false)
        #expect(object?["invalid"] as? Int == 1)
    }

    @Test func aOneOfIssueNamesTheBranchTheDocumentMeantAndPrintsItsNestedIssues() async throws {
        let file = try temporaryFile(#"[{"action": "params"}]"#)
        let result = await surety(["validate", "--endpoint", "changePolicy", "--request", file] + contractsArgument)
        #expect(result.code == .findings)
        #expect(result.out.contains(#"got no branch matched; action "params" selects ParamsChangeInstructionCreateRequest with 1 issue(s)"#))
        #expect(result.out.contains("\n    \(file): /0/effectiveTime: required: expected property effectiveTime (datetime), got missing"))
    }

    @Test func jsonFormatNestsTheBranchIssuesUnderIssues() async throws {
        let file = try temporaryFile(#"[{"action": "params"}]"#)
        let result = await surety(["validate", "--endpoint", "changePolicy", "--request", "--format", "json", file] + contractsArgument)
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        let issue = try #require((object?["issues"] as? [[String: Any]])?.first)
        let nested = try #require(issue["issues"] as? [[String: Any]])
        #expect(nested.map { $0["pointer"] as? String } == ["/0/effectiveTime"])
        #expect(nested.first?["schemaPath"] as? String == "ParamsChangeInstructionCreateRequest.effectiveTime")
    }

    @Test func anUnknownSchemaFarFromEveryNameListsTheNearestNames() async throws {
        let file = try temporaryFile("{}")
        let result = await surety(["validate", "--schema", "Nope", file] + contractsArgument)
        #expect(result.code == .usage)
        let line = try #require(result.err.split(separator: "\n").first)
        #expect(line.hasPrefix("surety validate: unknown schema Nope; nearest: "))
        #expect(line.split(separator: ",").count == ValidateCommand.maxSuggestedSchemas)
        #expect(line.hasSuffix("(`surety schemas` lists all 83)"))
    }

    @Test func unknownNamesGetADidYouMean() async throws {
        let file = try temporaryFile("{}")
        let schema = await surety(["validate", "--schema", "TermRespons", file] + contractsArgument)
        #expect(schema.code == .usage)
        #expect(schema.err.contains("unknown schema TermRespons; did you mean TermResponse"))
        let endpoint = await surety(["validate", "--endpoint", "fetchTransactio", file] + contractsArgument)
        #expect(endpoint.err.contains("did you mean fetchTransaction"))
    }
}

@Suite struct JSONCheckCommandTests {
    @Test func acceptsValidAndRejectsInvalidFilesWithPositions() async throws {
        let good = NSTemporaryDirectory() + "surety-good-\(UUID().uuidString).json"
        let bad = NSTemporaryDirectory() + "surety-bad-\(UUID().uuidString).json"
        try "[1, 2]".write(toFile: good, atomically: true, encoding: .utf8)
        try "[1,\n 2,]".write(toFile: bad, atomically: true, encoding: .utf8)
        let result = await surety(["json-check", good, bad])
        #expect(result.code == .findings)
        #expect(result.out == "accept \(good)\nreject \(bad):2:4: trailing comma: expected a value after ','\n")
    }
}

@Suite struct GenerateCommandTests {
    @Test func writesDeterministicDocumentsAndLabelsThatValidateAgrees() async throws {
        let labels = NSTemporaryDirectory() + "surety-labels-\(UUID().uuidString).ndjson"
        let documents = NSTemporaryDirectory() + "surety-docs-\(UUID().uuidString).ndjson"
        let arguments = ["generate", "--schema", "TermSummary", "--count", "40", "--seed", "5", "--invalid-rate", "0.5"] + contractsArgument
        let first = await surety(arguments + ["--labels", labels, "-o", documents])
        #expect(first.code == .success)
        let again = await surety(arguments)
        #expect(again.out == (try String(contentsOfFile: documents, encoding: .utf8)))
        let labelLines = try String(contentsOfFile: labels, encoding: .utf8).split(separator: "\n")
        let expectedInvalid = labelLines.filter { $0.contains("\"valid\":false") }.count
        #expect(expectedInvalid > 5 && expectedInvalid < 35)
        let validation = await surety(["validate", "--ndjson", "--schema", "TermSummary", documents] + contractsArgument)
        #expect(validation.out.contains("documents=40 invalid=\(expectedInvalid) "))
    }
}
