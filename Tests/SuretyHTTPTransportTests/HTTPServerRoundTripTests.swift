import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import SuretyHTTPCore
@testable import SuretyHTTPTransport

@Suite struct HTTPServerRoundTripTests {
    @Test func urlSessionGetAndPostRoundTrip() async throws {
        try await withServer { _, port in
            let session = URLSession(configuration: .ephemeral)
            let (getData, getResponse) = try await session.data(from: URL(string: "http://127.0.0.1:\(port)/jobs?a=1&b=two")!)
            #expect((getResponse as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: getData, as: UTF8.self) == "GET /jobs q=a=1&b=two body=")

            var post = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/submit")!)
            post.httpMethod = "POST"
            post.httpBody = Data("{\"x\":1}".utf8)
            let (postData, postResponse) = try await session.data(for: post)
            #expect((postResponse as? HTTPURLResponse)?.statusCode == 200)
            #expect((postResponse as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Type") == "text/plain; charset=utf-8")
            #expect(String(decoding: postData, as: UTF8.self) == "POST /submit q= body={\"x\":1}")
            session.invalidateAndCancel()
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func curlRoundTrip() async throws {
        try await withServer { _, port in
            let output = try await onThread { () -> String in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
                process.arguments = ["-s", "-i", "--max-time", "5", "-X", "PUT", "--data-binary", "from curl", "http://127.0.0.1:\(port)/c?z=9"]
                let pipe = Pipe()
                process.standardOutput = pipe
                try process.run()
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                return String(decoding: data, as: UTF8.self)
            }
            let expected = "PUT /c q=z=9 body=from curl"
            #expect(output.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(output.contains("Content-Length: \(expected.utf8.count)\r\n"))
            #expect(output.hasSuffix("\r\n\r\n" + expected))
        }
    }

    @Test func keepAliveReusesOneConnectionForSeveralRequests() async throws {
        try await withServer { server, port in
            let bodies = try await onThread { () -> [String] in
                let client = try RawClient(port: port)
                return try (1...3).map { index in
                    try client.send("GET /k\(index) HTTP/1.1\r\nHost: t\r\n\r\n")
                    return try client.readResponse().text
                }
            }
            #expect(bodies == ["GET /k1 q= body=", "GET /k2 q= body=", "GET /k3 q= body="])
            #expect(server.statistics.accepted == 1)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer { _, port in
            let responses = try await onThread { () -> [RawResponse] in
                let client = try RawClient(port: port)
                try client.send("GET /1 HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "POST /2 HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc"
                    + "HEAD /3 HTTP/1.1\r\nHost: t\r\n\r\n"
                    + "GET /4 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                return [try client.readResponse(), try client.readResponse(), try client.readResponse(head: true), try client.readResponse()]
                    + (client.readsEndOfStream() ? [] : [RawResponse(status: 0, headers: [:], body: [])])
            }
            #expect(responses.map(\.text) == ["GET /1 q= body=", "POST /2 q= body=abc", "", "GET /4 q= body="])
            #expect(responses[2].headers["Content-Length"] == "16")
            #expect(responses[3].headers["Connection"] == "close")
        }
    }

    @Test func pipelinedRequestsToAnAsyncResponderStayInOrder() async throws {
        let responder = CallbackResponder { request in
            if request.path == "/slow" { try? await Task.sleep(for: .milliseconds(50)) }
            return HTTPResponse(text: request.path)
        }
        try await withServer(responder: responder) { _, port in
            let texts = try await onThread { () -> [String] in
                // The async responder's task needs a cooperative thread; on 2 cores a loaded parallel run can hold
                // both for many seconds, so the read waits longer than the default 20 s before calling it lost.
                let client = try RawClient(port: port, timeout: 60)
                try client.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\nGET /fast HTTP/1.1\r\nHost: t\r\n\r\n")
                return [try client.readResponse().text, try client.readResponse().text]
            }
            #expect(texts == ["/slow", "/fast"])
        }
    }

    @Test func expect100ContinueGetsAnInterimResponseBeforeTheBodyIsSent() async throws {
        try await withServer { _, port in
            let (interim, final) = try await onThread { () -> (RawResponse, RawResponse) in
                let client = try RawClient(port: port)
                try client.send("POST /upload HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
                let interim = try client.readResponse()
                try client.send("data")
                return (interim, try client.readResponse())
            }
            #expect(interim.status == 100)
            #expect(final.text == "POST /upload q= body=data")
        }
    }

    @Test func http10ClosesAfterTheResponseUnlessAskedToKeepAlive() async throws {
        try await withServer { _, port in
            let (plain, closed, kept) = try await onThread { () -> (RawResponse, Bool, RawResponse) in
                let first = try RawClient(port: port)
                try first.send("GET /old HTTP/1.0\r\n\r\n")
                let plain = try first.readResponse()
                let closed = first.readsEndOfStream()
                let second = try RawClient(port: port)
                try second.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                _ = try second.readResponse()
                try second.send("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                return (plain, closed, try second.readResponse())
            }
            #expect(plain.headers["Connection"] == "close")
            #expect(closed)
            #expect(kept.headers["Connection"] == "keep-alive")
            #expect(kept.text == "GET /b q= body=")
        }
    }

    @Test func aLargeResponseBodyArrivesIntact() async throws {
        try await withServer { _, port in
            let response = try await onThread { () -> RawResponse in
                let client = try RawClient(port: port)
                try client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.body == (0..<200_000).map { UInt8(truncatingIfNeeded: $0) })
        }
    }

    @Test func pipelinedRequestsWhoseResponsesExceedTheOutputHighWaterMarkAreAllAnswered() async throws {
        try await withServer { _, port in
            let sizes = try await onThread { () -> [Int] in
                let client = try RawClient(port: port)
                try client.send(String(repeating: "GET /big HTTP/1.1\r\nHost: t\r\n\r\n", count: 12))  // 12 × 200 kB > 1 MiB
                return try (0..<12).map { _ in try client.readResponse().body.count }
            }
            #expect(sizes == Array(repeating: 200_000, count: 12))
        }
    }

    @Test func aLargeRequestBodyArrivesIntact() async throws {
        let responder = SynchronousCallbackResponder { HTTPResponse(text: "\($0.body.count) \($0.body.last ?? 0)") }
        try await withServer(responder: responder) { _, port in
            let text = try await onThread { () -> String in
                let client = try RawClient(port: port)
                let body = [UInt8](repeating: 7, count: 3_000_000)
                try client.send("POST /u HTTP/1.1\r\nHost: t\r\nContent-Length: \(body.count)\r\n\r\n")
                try client.send(body)
                return try client.readResponse().text
            }
            #expect(text == "3000000 7")
        }
    }

    @Test func thePortablePollBackendServesLikeEpoll() async throws {
        try await withServer(pollerKind: .poll) { _, port in
            let texts = try await onThread { () -> [String] in
                let client = try RawClient(port: port)
                try client.send("GET /p1 HTTP/1.1\r\nHost: t\r\n\r\nGET /p2 HTTP/1.1\r\nHost: t\r\n\r\n")
                return [try client.readResponse().text, try client.readResponse().text]
            }
            #expect(texts == ["GET /p1 q= body=", "GET /p2 q= body="])
        }
    }

    @Test func aDateFieldIsSentOnlyWhenEnabled() async throws {
        try await withServer(includesDateHeader: true) { _, port in
            let response = try await onThread { () -> RawResponse in
                let client = try RawClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.headers["Date"]?.hasSuffix(" GMT") == true)
        }
        try await withServer { _, port in
            let response = try await onThread { () -> RawResponse in
                let client = try RawClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse()
            }
            #expect(response.headers["Date"] == nil)
        }
    }
}
