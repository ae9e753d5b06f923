import Foundation
import Testing
import SuretyHTTPCore
@testable import SuretyHTTPTransport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct HTTPServerLifecycleTests {
    @Test func gracefulStopFinishesAnInFlightSlowAsyncRequest() async throws {
        let entered = Gate()
        let release = Gate()
        let responder = CallbackResponder { request in
            if request.path == "/slow" {
                await entered.open()
                await release.wait()
            }
            return HTTPResponse(text: "done \(request.path)")
        }
        let server = HTTPServer(port: 0, eventLoopCount: 2, responder: responder)
        let port = try server.start()
        let idle = try await onThread { () -> RawClient in
            let client = try RawClient(port: port)
            try client.send("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n")
            _ = try client.readResponse()
            return client
        }
        let slow = try await onThread { try RawClient(port: port) }
        let pending = Task { try await onThread { () -> RawResponse in
            try slow.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try slow.readResponse()
            slow.socket.shutdownWrite()  // a polite client closes after `Connection: close`, ending the server's linger
            return response
        } }
        await entered.wait()
        let stopping = Task { await server.stop(gracePeriod: .seconds(5)) }

        #expect(try await onThread { idle.readsEndOfStream() })  // idle connections close at once
        await release.open()
        let response = try await pending.value
        #expect(response.status == 200)
        #expect(response.text == "done /slow")
        #expect(response.headers["Connection"] == "close")
        await stopping.value
        #expect(server.statistics.open == 0)
        #expect(throws: SocketError.self) { try Socket.connect(host: "127.0.0.1", port: port) }
    }

    @Test func stopIsIdempotentAndSafeBeforeStart() async throws {
        let never = HTTPServer(responder: EchoResponder())
        await never.stop()
        await never.waitUntilStopped()
        #expect(never.port == nil, "stopping a server that never started does not start it")
        #expect(never.statistics.accepted == 0)

        let server = HTTPServer(port: 0, responder: EchoResponder())
        let port = try server.start()
        let idle = try await onThread { () -> RawClient in
            let client = try RawClient(port: port)
            try client.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\n")
            _ = try client.readResponse()
            return client
        }
        await server.stop()
        #expect(server.statistics.open == 0, "the first stop closed every connection")
        #expect(try await onThread { idle.readsEndOfStream() })
        #expect(throws: SocketError.self) { try Socket.connect(host: "127.0.0.1", port: port) }
        await server.stop()  // a second stop returns, and changes nothing
        await server.waitUntilStopped()
        #expect(server.statistics.open == 0)
        #expect(server.statistics.accepted == 1)
        #expect(throws: SocketError.self) { try Socket.connect(host: "127.0.0.1", port: port) }
    }

    @Test func theGracePeriodBoundsAStuckRequest() async throws {
        let release = Gate()
        let finished = Locked(false)
        let responder = CallbackResponder { _ in
            await release.wait()
            finished.withLock { $0 = true }
            return HTTPResponse()
        }
        let server = HTTPServer(port: 0, eventLoopCount: 1, responder: responder)
        let port = try server.start()
        let client = try await onThread { () -> RawClient in
            let client = try RawClient(port: port)
            try client.send("GET /stuck HTTP/1.1\r\nHost: t\r\n\r\n")
            return client
        }
        #expect(try await eventually { server.statistics.accepted == 1 })
        let clock = ContinuousClock()
        let start = clock.now
        await server.stop(gracePeriod: .milliseconds(200))
        let elapsed = clock.now - start
        #expect(elapsed >= .milliseconds(200), "the stuck request was given its grace period")
        // The request is released only after the stop, so a stop that returns at all was ended by the grace period,
        // not by the request: no wall-clock upper bound is needed (one would only measure the machine's load).
        #expect(!finished.withLock { $0 }, "the stop returned while the request was still stuck")
        #expect(try await onThread { client.readsEndOfStream() })
        await release.open()
    }

    @Test func aTerminationSignalStopsTheServer() async throws {
        let server = HTTPServer(responder: EchoResponder())
        let port = try server.start()
        let signals = TerminationSignals([SIGUSR2]) { _ in server.beginStopping() }
        defer { signals.cancel() }
        kill(getpid(), SIGUSR2)
        // Watched from a thread of its own: in a loaded parallel run this task may wait long for the cooperative pool,
        // which says nothing of how soon the server stopped.
        let refused = try await onThread {
            (0..<300).contains { _ in
                usleep(100_000)
                return (try? RawClient(port: port)) == nil
            }
        }
        #expect(refused, "the listener closed within 30 s of the signal (bound loose: shared CI cores)")
        await server.waitUntilStopped()
        #expect(server.statistics.open == 0)
    }
}
