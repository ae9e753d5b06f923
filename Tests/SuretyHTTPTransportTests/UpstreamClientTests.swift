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
            #expect(text.hasPrefix("POST /v1/jobs?x=1&y=%20z ["))
            #expect(text.contains("x-trace=abc"))
            #expect(text.contains("host=127.0.0.1:\(port)"))
            #expect(text.contains("accept-encoding=identity"))
            #expect(!text.contains("x-hop"))
            #expect(text.hasSuffix("] payload"))
            #expect(response.headers["X-Upstream"] != nil)
            #expect(response.headers["Content-Length"] == nil)
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
