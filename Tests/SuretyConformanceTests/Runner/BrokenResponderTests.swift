import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import Testing
import SuretyTestSupport

/// One deliberately broken response of `fetchTransaction` and the violation the run must report for it.
struct BrokenCase: Sendable, CustomTestStringConvertible {
    var kind: String
    var tamper: @Sendable (HTTPResponse) -> HTTPResponse
    var part: Violation.Part
    var pointer: JSONPointer
    var rule: Violation.Rule
    var testDescription: String { kind }

    static let all: [BrokenCase] = [
        BrokenCase(kind: "missing required property",
                   tamper: TamperingResponder.editingJSON { $0.setting(nil, at: "/transactionState") },
                   part: .responseBody, pointer: "/transactionState", rule: .required),
        BrokenCase(kind: "wrong type",
                   tamper: TamperingResponder.editingJSON { $0.setting(.integer(42), at: "/policyLocator") },
                   part: .responseBody, pointer: "/policyLocator", rule: .type),
        BrokenCase(kind: "bad format",
                   tamper: TamperingResponder.editingJSON { $0.setting("yesterday", at: "/createdAt") },
                   part: .responseBody, pointer: "/createdAt", rule: .format),
        BrokenCase(kind: "unknown enum value",
                   tamper: TamperingResponder.editingJSON { $0.setting("bogus", at: "/transactionState") },
                   part: .responseBody, pointer: "/transactionState", rule: .enum),
        BrokenCase(kind: "wrong status 201",
                   tamper: { var response = $0; response.status = HTTPStatus(code: 201); return response },
                   part: .status, pointer: .root, rule: .status),
        BrokenCase(kind: "wrong status 500",
                   tamper: { var response = $0; response.status = .internalServerError; return response },
                   part: .status, pointer: .root, rule: .status),
        BrokenCase(kind: "wrong content type",
                   tamper: { var response = $0; response.headers["Content-Type"] = "text/plain"; return response },
                   part: .responseHeader, pointer: "/Content-Type", rule: .contentType),
    ]
}

@Suite("A broken backend is caught, each violation with its pointer")
struct BrokenResponderTests {
    @Test("the run fails fetchTransaction with the violation of its kind", arguments: BrokenCase.all)
    func detects(_ broken: BrokenCase) async throws {
        let backend = TamperingResponder(inner: GeneratedBackend(contract: RunnerFixtures.contract), endpointID: "fetchTransaction",
                                         tamper: broken.tamper)
        let report = await RunnerFixtures.run(backend, options: .init(negativeProbes: []))
        #expect(!report.conforms)
        let failed = report.failures
        #expect(failed.map(\.endpointID) == ["fetchTransaction"])
        let violations = try #require(failed.first).violations.filter(\.isError)
        #expect(violations.contains { $0.part == broken.part && $0.pointer == broken.pointer && $0.rule == broken.rule },
                "\(violations)")
    }

    @Test("the text, JSON and JUnit reports carry the pointer, the expected and the actual value")
    func reportsCarryThePointer() async throws {
        let backend = TamperingResponder(inner: GeneratedBackend(contract: RunnerFixtures.contract), endpointID: "fetchTransaction",
                                         tamper: TamperingResponder.editingJSON { $0.setting("bogus", at: "/transactionState") })
        let report = await RunnerFixtures.run(backend, options: .init(negativeProbes: []))
        let text = TextReport().render(report)
        #expect(text.contains("responseBody /transactionState: enum: expected one of"))
        #expect(text.contains("Result: 1 violation(s) in 1 check(s)"))
        let json = try JSONParser().parse(report.jsonBytes()).value()
        #expect(json["summary"]?["conforms"] == false)
        let failing = json["results"]?.arrayValue?.first { $0["passed"] == false }
        #expect(failing?["endpoint"] == "fetchTransaction")
        #expect(failing?["violations"]?[0]?["pointer"] == "/transactionState")
        #expect(failing?["violations"]?[0]?["actual"]?.stringValue?.contains("bogus") == true)
        #expect(failing?["violations"]?[0]?["schemaPath"] == "PolicyTransactionResponse.transactionState")
        let junit = JUnitReport.render(report)
        #expect(junit.contains("at /transactionState: enum: expected one of"))
        #expect(junit.contains("actual &quot;bogus&quot;") || junit.contains("actual bogus"))
    }
}
