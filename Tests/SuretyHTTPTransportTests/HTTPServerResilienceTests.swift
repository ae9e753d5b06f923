import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import SuretyHTTPCore
@testable import SuretyHTTPTransport

@Suite struct HTTPServerResilienceTests {
    @Test func afterAFramingErrorThe400ClosesThatConnectionAndTheServerServesTheNextClient() async throws {
        try await withServer { _, port in
            let (bad, closed, good) = try await onThread { () -> (RawResponse, Bool, RawResponse) in
                let broken = try RawClient(port: port)
                try broken.send("GET / HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx")
                let bad = try broken.readResponse()
                let closed = broken.readsEndOfStream()
                let next = try RawClient(port: port)
                try next.send("GET /after HTTP/1.1\r\nHost: t\r\n\r\n")
                return (bad, closed, try next.readResponse())
            }
            #expect(bad.status == 400)
            #expect(bad.headers["Connection"] == "close")
            #expect(bad.headers["Content-Type"] == "application/json")
            #expect(bad.text == #"{"title":"Conflicting Content-Length values","status":400,"violations":[]}"#)
            #expect(closed)
            #expect(good.text == "GET /after q= body=")
        }
    }

    @Test func aRecoverable400KeepsTheConnectionServing() async throws {
        try await withServer { _, port in
            let (bad, good) = try await onThread { () -> (RawResponse, RawResponse) in
                let client = try RawClient(port: port)
                try client.send("GET /nohost HTTP/1.1\r\n\r\nGET /ok HTTP/1.1\r\nHost: t\r\n\r\n")
                return (try client.readResponse(), try client.readResponse())
            }
            #expect(bad.status == 400)
            #expect(bad.headers["Connection"] == nil)
            #expect(good.text == "GET /ok q= body=")
        }
    }

    @Test func anOversizedBodyIsAnswered413BeforeTheClientFinishesSending() async throws {
        try await withServer(limits: HTTPLimits(maxBodyBytes: 1024)) { _, port in
            let response = try await onThread { () -> RawResponse in
                let client = try RawClient(port: port)
                try client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n" + String(repeating: "x", count: 4096))
                return try client.readResponse()
            }
            #expect(response.status == 413)
            #expect(response.headers["Connection"] == "close")
        }
    }

    @Test func aHeaderTrickleIsCutWith408AtHeaderTimeout() async throws {
        let timeouts = HTTPTimeouts(headerTimeout: .milliseconds(300))
        try await withServer(timeouts: timeouts) { _, port in
            let (response, elapsed, closed) = try await onThread { () -> (RawResponse, Duration, Bool) in
                let client = try RawClient(port: port)
                let clock = ContinuousClock()
                let start = clock.now
                try client.send("GET / HTTP/1.1\r\n")
                var line = 0
                // The trickle: one field line every 50 ms until the server answers (bounded at 3 s).
                while !client.waitReadable(milliseconds: 50) && clock.now - start < .seconds(3) {
                    try client.send("X-\(line): 1\r\n")
                    line += 1
                }
                let response = try client.readResponse()
                return (response, clock.now - start, client.readsEndOfStream())
            }
            #expect(response.status == 408)
            #expect(response.headers["Connection"] == "close")
            #expect(elapsed >= .milliseconds(300))
            #expect(elapsed < .seconds(10))  // cut by the deadline, not left open (loose: shared CI cores)
            #expect(closed)
        }
    }

    @Test func aStalledBodyIsCutWith408AtBodyTimeout() async throws {
        let timeouts = HTTPTimeouts(bodyTimeout: .milliseconds(300))
        try await withServer(timeouts: timeouts) { _, port in
            let (response, elapsed) = try await onThread { () -> (RawResponse, Duration) in
                let client = try RawClient(port: port)
                let clock = ContinuousClock()
                let start = clock.now
                try client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
                return (try client.readResponse(), clock.now - start)
            }
            #expect(response.status == 408)
            #expect(elapsed >= .milliseconds(300))
            #expect(elapsed < .seconds(10))  // cut by the deadline, not left open (loose: shared CI cores)
        }
    }

    @Test func anIdleKeepAliveConnectionIsClosedAtIdleTimeout() async throws {
        let timeouts = HTTPTimeouts(idleTimeout: .milliseconds(200))
        try await withServer(timeouts: timeouts) { server, port in
            let (elapsed, closed) = try await onThread { () -> (Duration, Bool) in
                let client = try RawClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                _ = try client.readResponse()
                let clock = ContinuousClock()
                let start = clock.now
                let closed = client.readsEndOfStream()
                return (clock.now - start, closed)
            }
            #expect(closed)
            #expect(elapsed >= .milliseconds(150))
            #expect(elapsed < .seconds(10))  // cut by the deadline, not left open (loose: shared CI cores)
            #expect(try await eventually { server.statistics.open == 0 })
        }
    }

    @Test func fiveHundredIdleConnectionsDoNotStopANewClientBeingServed() async throws {
        let openFiles = SystemCall.raiseOpenFileLimit(to: 1400)
        try #require(openFiles >= 1200, "needs ~1100 descriptors (client and server ends), have \(openFiles)")
        try await withServer(maxConnections: 600) { server, port in
            let idle = try await onThread { try (0..<500).map { _ in try RawClient(port: port) } }
            let clock = ContinuousClock()
            let start = clock.now
            let session = URLSession(configuration: .ephemeral)
            let (data, response) = try await session.data(from: URL(string: "http://127.0.0.1:\(port)/new")!)
            let elapsed = clock.now - start
            session.invalidateAndCancel()
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: data, as: UTF8.self) == "GET /new q= body=")
            #expect(elapsed < .seconds(10))  // cut by the deadline, not left open (loose: shared CI cores)
            #expect(server.statistics.accepted >= 501)
            #expect(idle.count == 500)
        }
    }

    @Test func connectionsBeyondMaxConnectionsAreAnswered503AndClosed() async throws {
        try await withServer(maxConnections: 2) { server, port in
            let first = try await onThread { () -> RawClient in
                let client = try RawClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                _ = try client.readResponse()
                return client
            }
            let (rejected, rejectedClosed) = try await onThread { () -> (RawResponse, Bool) in
                let second = try RawClient(port: port)
                try second.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                _ = try second.readResponse()
                let third = try RawClient(port: port)
                return (try third.readResponse(), third.readsEndOfStream())
            }
            #expect(rejected.status == 503)
            #expect(rejected.headers["Connection"] == "close")
            #expect(rejectedClosed)
            #expect(server.statistics.rejected == 1)

            // The second and third clients have gone; a slot frees once the server sees end-of-file.
            #expect(try await eventually { server.statistics.open == 1 })
            let served = try await onThread { () -> RawResponse in
                let client = try RawClient(port: port)
                try client.send("GET /again HTTP/1.1\r\nHost: t\r\n\r\n")
                return try client.readResponse()
            }
            #expect(served.status == 200)
            #expect(first.waitReadable(milliseconds: 0) == false)  // the first client is still connected and idle
        }
    }
}
