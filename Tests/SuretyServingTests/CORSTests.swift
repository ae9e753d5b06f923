import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyServing
import SuretyTestSupport
import Testing

/// CORS over a real socket, with curl sending what a browser sends: preflights, answers that a page may read, and
/// admin routes that no page of another origin can drive.
@Suite("CORS in front of the serve stack")
struct CORSTests {
    let target = "/policy/3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W3"

    /// A mock behind the stack with `policy`.
    func stack(_ policy: CORSPolicy) -> any Responder {
        let checker = TestRepository.checker
        var stack = ServeStack(mode: .mock(MockResponder(checker: checker)), checker: checker)
        stack.door = .token("admin")
        stack.cors = policy
        return stack.assemble()
    }

    /// The response headers curl printed, lower-cased names.
    func curl(_ arguments: [String]) async throws -> (status: Int, headers: [String: String]) {
        let curl = try #require(ToolRunner.curl, "curl is installed (.ci/run installs it)")
        let output = try await ToolRunner.run(curl, ["-s", "-o", "/dev/null", "-D", "-", "--max-time", "10"] + arguments)
        var headers: [String: String] = [:]
        var status = 0
        for line in output.standardOutput.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("HTTP/") { status = Int(line.split(separator: " ")[1]) ?? 0; continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }

    @Test("a browser's preflight is answered 204 allowing the method and headers it asked for", .timeLimit(.minutes(1)))
    func preflight() async throws {
        let answer = try await LoopbackServer.with(stack(.anyOrigin)) { url in
            try await curl(["-X", "OPTIONS", url + target, "-H", "Origin: http://localhost:3000", "-H", "Access-Control-Request-Method: PATCH",
                            "-H", "Access-Control-Request-Headers: authorization, content-type"])
        }
        #expect(answer.status == 204)
        #expect(answer.headers["access-control-allow-origin"] == "http://localhost:3000")
        #expect(answer.headers["access-control-allow-methods"] == "PATCH")
        #expect(answer.headers["access-control-allow-headers"] == "authorization, content-type")
        #expect(answer.headers["vary"] == "Origin")
    }

    @Test("every answer to an allowed origin, errors included, carries Access-Control-Allow-Origin", .timeLimit(.minutes(1)))
    func answersCarryTheOrigin() async throws {
        let (ok, refused) = try await LoopbackServer.with(stack(.anyOrigin)) { url in
            (try await curl([url + target, "-H", "Origin: http://localhost:3000", "-H", "Authorization: Bearer t"]),
             try await curl([url + "/policy/not-a-uuid/transactions/x", "-H", "Origin: http://localhost:3000"]))
        }
        #expect(ok.status == 200)
        #expect(ok.headers["access-control-allow-origin"] == "http://localhost:3000")
        #expect(ok.headers["access-control-expose-headers"]?.contains(SuretyHeaders.violationCount) == true)
        #expect(refused.status >= 400)
        #expect(refused.headers["access-control-allow-origin"] == "http://localhost:3000")
    }

    @Test("the admin routes answer no cross-origin request, but answer the server's own origin", .timeLimit(.minutes(1)))
    func adminRefusesOtherOrigins() async throws {
        let (other, own) = try await LoopbackServer.with(stack(.anyOrigin)) { url in
            (try await curl(["-X", "POST", url + "/__surety/reset", "-H", "Origin: http://localhost:3000"]),
             try await curl(["-X", "POST", url + "/__surety/reset", "-H", "Origin: \(url)"]))
        }
        #expect(other.status == 403)
        #expect(other.headers["access-control-allow-origin"] == nil)
        #expect(own.status != 403)
    }

    @Test("--cors ORIGIN allows only that origin; CORS off adds nothing", .timeLimit(.minutes(1)))
    func restrictedAndOff() async throws {
        let (allowed, other) = try await LoopbackServer.with(stack(.only(["http://app.example"]))) { url in
            (try await curl(["-X", "OPTIONS", url + target, "-H", "Origin: http://app.example", "-H", "Access-Control-Request-Method: GET"]),
             try await curl(["-X", "OPTIONS", url + target, "-H", "Origin: http://evil.example", "-H", "Access-Control-Request-Method: GET"]))
        }
        #expect(allowed.status == 204)
        #expect(other.status == 405, "a preflight from another origin is an ordinary OPTIONS: \(other)")
        #expect(other.headers["access-control-allow-origin"] == nil)
        let off = try await LoopbackServer.with(stack(.off)) { url in
            try await curl([url + target, "-H", "Origin: http://localhost:3000", "-H", "Authorization: Bearer t"])
        }
        #expect(off.headers["access-control-allow-origin"] == nil)
    }
}
