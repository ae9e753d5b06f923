import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import SuretyTestSupport
import Testing

/// The 400 of `surety serve` carries the nested issues of the `oneOf` branch the request meant.
@Suite struct OneOfProblemSocketTests {
    let tenant = "3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f"
    let locator = "01HZX3K4M5N6P7Q8R9S0T1V2W3"

    @Test func aParamsInstructionWithoutEffectiveTimeGetsA400NamingParamsAndTheMissingMember() async throws {
        let served = ServedMock()
        let response = try await LoopbackServer.with(served.responder) { base in
            try await URLSessionClient.send("\(base)/policy/\(tenant)/policies/\(locator)/change", method: "PATCH",
                                            headers: ["Content-Type": "application/json"], body: Array(#"[{"action": "params"}]"#.utf8))
        }
        #expect(response.status == 400)
        let body = try JSONParser().parse(response.body).value()
        let violation = try #require(body["violations"]?.arrayValue?.first)
        #expect(violation["rule"]?.stringValue == "oneOf")
        #expect(violation["actual"]?.stringValue == #"no branch matched; action "params" selects ParamsChangeInstructionCreateRequest with 1 issue(s)"#)
        let nested = try #require(violation["issues"]?.arrayValue)
        #expect(nested.map { "\($0["in"]?.stringValue ?? "") \($0["pointer"]?.stringValue ?? "") \($0["rule"]?.stringValue ?? "")" }
            == ["body /0/effectiveTime required"])
        #expect(nested.first?["schemaPath"]?.stringValue == "ParamsChangeInstructionCreateRequest.effectiveTime")
    }
}
