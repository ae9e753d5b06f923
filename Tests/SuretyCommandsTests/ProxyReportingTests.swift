import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import SuretyTestSupport
import Testing

/// Through `surety serve --proxy`, what the contract found in an exchange is readable from the response: the count,
/// the first violations (bounded) and the admin route that lists them all; JSON log lines carry their time.
@Suite("serve --proxy reports violations in the response")
struct ProxyReportingTests {
    /// A backend answering every request 200 with an empty object: a transaction missing its required members.
    struct EmptyObjects: Responder {
        func respond(to request: HTTPRequest) async -> HTTPResponse { HTTPResponse(jsonText: "{}") }
    }

    @Test("the first three violations travel as headers with a link to all of them, behind the admin door", .timeLimit(.minutes(2)))
    func violationsInHeaders() async throws {
        try await LoopbackServer.with(EmptyObjects()) { upstream in
            let (proxy, url) = try await ForeignBackends.serve(["--proxy", upstream, "--admin-token", "adm", "--no-auth"])
            let answer = try await URLSessionClient.send(url + "/policy/5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001/transactions/01J6A00000000000000000PA01")
            #expect(answer.status == 200)
            let count = try #require(answer.headers["x-surety-violations"].flatMap { Int($0) })
            #expect(count >= 8, "every required member is missing")
            let shown = answer.headers["x-surety-violation"] ?? ""
            #expect(shown.contains("responseBody /policyLocator: required"), "\(answer.headers)")
            let link = try #require(answer.headers["x-surety-violations-link"])
            let refused = try await URLSessionClient.send(url + link)
            let listed = try await URLSessionClient.send(url + link, headers: ["Authorization": "Bearer adm"])
            _ = await proxy.stop()
            #expect(refused.status == 401)
            let entry = try JSONParser().parse(listed.body).value()
            #expect(entry["violations"]?.arrayValue?.count == count, "the link lists every violation the count counts")
        }
    }

    @Test("at most three violation headers, each bounded, and none for a clean exchange")
    func headersAreBounded() {
        let violations = (0..<4).map { index in
            Violation(part: .responseBody, rule: .required, expected: String(repeating: "x", count: 300), actual: "missing \(index)")
        }
        let atLimit = ViolationHeaders.reporting(Array(violations.prefix(3)), sequence: 7, on: HTTPResponse())
        let over = ViolationHeaders.reporting(violations, sequence: 7, on: HTTPResponse())
        #expect(atLimit.headers.values(for: SuretyHeaders.violation).count == 3)
        #expect(over.headers.values(for: SuretyHeaders.violation).count == 3)
        #expect(over.headers[SuretyHeaders.violationCount] == "4")
        #expect(over.headers[SuretyHeaders.violationsLink] == "/__surety/violations/7")
        #expect(over.headers.values(for: SuretyHeaders.violation).allSatisfy { $0.utf8.count <= 200 + 20 })
        #expect(ViolationHeaders.reporting([], sequence: 1, on: HTTPResponse()).headers.fields.isEmpty)
    }
}
