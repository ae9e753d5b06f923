import Foundation
import Testing
import SuretyHTTPCore
@testable import SuretyHTTPTransport

@Suite struct UpstreamClientTests {
    /// Answers with the request as the upstream saw it.
    private static let upstream = SynchronousCallbackResponder { request in
        if request.path == "/v1/redirect" {
            return HTTPResponse(status: .found, headers: ["Location": "/v1/elsewhere"])
        }
        let fields = request.headers.map { "\($0.name.lowercased())=\($0.value)" }.sorted().joined(separator: ";")
        return HTTPResponse(
            status: .created, headers: ["X-Upstream": "yes", "X-Upstream": "twice"],
            text: "\(request.method) \(request.target) [\(fields)] \(String(decoding: request.body, as: UTF8.self))"
        )
    }

    @Test func aRequestIsForwardedWithMethodPathQueryEndToEndFieldsAndBody() async throws {
        try await withServer(responder: Self.upstream) { _, port in
            let client = UpstreamClient(baseURL: URL(string: "http://127.0.0.1:\(port)/v1/")!, timeout: .seconds(5))
            let request = HTTPRequest(
                method: .post, target: "/jobs?x=1&y=%20z",
                headers: ["Host": "original", "X-Trace": "abc", "Connection": "keep-alive, X-Hop", "X-Hop": "drop", "Content-Type": "text/plain"],
                body: Array("payload".utf8)
            )
            let response = try await client.forward(request)
            #expect(response.status == .created)
            let text = String(decoding: response.body, as: UTF8.self)
            // Exactly the client's end-to-end fields: none added (no Accept, User-Agent, Accept-Encoding…), hop-by-hop ones dropped.
            #expect(text == "POST /v1/jobs?x=1&y=%20z [content-length=7;content-type=text/plain;host=127.0.0.1:\(port);x-trace=abc] payload")
            #expect(response.headers["X-Upstream"] != nil)
            #expect(response.headers["Content-Length"] == nil)
        }
    }

    @Test("a request exactly at the upstream's field-count limit passes: the forwarding adds no field")
    func atTheFieldLimit() async throws {
        try await withServer(responder: Self.upstream, limits: HTTPLimits(maxHeaderCount: 4)) { _, port in
            let client = UpstreamClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!, timeout: .seconds(5))
            let atLimit = HTTPRequest(target: "/a", headers: ["Host": "h", "A": "1", "B": "2", "C": "3"])
            let passed = try await client.forward(atLimit)
            #expect(passed.status == .created)
            let over = HTTPRequest(target: "/a", headers: ["Host": "h", "A": "1", "B": "2", "C": "3", "D": "4"])
            let refused = try await client.forward(over)
            #expect(refused.status.code == 431)
        }
    }

    @Test("a GET with a body is forwarded with its body, and the response's fields keep their order and duplicates")
    func getWithBody() async throws {
        try await withServer(responder: Self.upstream) { _, port in
            let client = UpstreamClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!, timeout: .seconds(5))
            let response = try await client.forward(HTTPRequest(method: .get, target: "/search", headers: ["Host": "h"], body: Array("q=1".utf8)))
            #expect(response.status == .created)
            #expect(String(decoding: response.body, as: UTF8.self) == "GET /search [content-length=3;host=127.0.0.1:\(port)] q=1")
            #expect(response.headers.values(for: "X-Upstream") == ["yes", "twice"])
        }
    }

    @Test func redirectsAreReturnedNotFollowed() async throws {
        try await withServer(responder: Self.upstream) { _, port in
            let client = UpstreamClient(baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!, timeout: .seconds(5))
            let response = try await client.forward(HTTPRequest(target: "/redirect"))
            #expect(response.status == .found)
            #expect(response.headers["Location"] == "/v1/elsewhere")
        }
    }

    @Test func aSlowUpstreamTimesOutWithATypedError() async throws {
        let release = Gate()
        let slow = CallbackResponder { _ in
            await release.wait()
            return HTTPResponse()
        }
        try await withServer(responder: slow) { _, port in
            let client = UpstreamClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!, timeout: .milliseconds(300))
            let clock = ContinuousClock()
            let start = clock.now
            // Awaited at high priority, so the time measured is the client's and not the wait for a pool thread that
            // a full parallel run's queued synchronous tests would add (as the server's own tasks are high priority).
            let outcome = await Task(priority: .high) { try await client.forward(HTTPRequest(target: "/slow")) }.result
            let elapsed = clock.now - start
            #expect(throws: UpstreamError.timedOut) { try outcome.get() }
            #expect(elapsed >= .milliseconds(250), "timed out after \(elapsed)")
            #expect(elapsed < .seconds(60), "timed out rather than waiting for the upstream (bound loose: a loaded parallel run on 2 cores)")
            let answer = await client.respond(to: HTTPRequest(target: "/slow"))
            #expect(answer.status == .gatewayTimeout)
            await release.open()
        }
    }

    @Test func anUnreachableUpstreamIsAConnectionFailure() async throws {
        let server = HTTPServer(responder: EchoResponder())
        let port = try server.start()
        await server.stop()
        let client = UpstreamClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!, timeout: .seconds(5))
        do {
            _ = try await client.forward(HTTPRequest())
            Issue.record("expected a failure")
        } catch {
            guard case .connectionFailed = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(error.status == .badGateway)
        }
    }
}
