import Foundation
import Testing
import SuretyHTTPCore
@testable import SuretyHTTPTransport

/// Runs blocking work (raw sockets, Process) on its own thread so it never ties up the Swift concurrency pool.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// Starts a server on 127.0.0.1 port 0, runs `body`, and always stops the server.
func withServer(
    responder: any Responder = EchoResponder(),
    limits: HTTPLimits = .default,
    timeouts: HTTPTimeouts = .default,
    maxConnections: Int = 256,
    includesDateHeader: Bool = false,
    pollerKind: EventPollerKind = .platformDefault,
    _ body: (HTTPServer, UInt16) async throws -> Void
) async throws {
    let server = HTTPServer(
        host: "127.0.0.1", port: 0, limits: limits, timeouts: timeouts, maxConnections: maxConnections,
        eventLoopCount: 2, includesDateHeader: includesDateHeader, responder: responder, pollerKind: pollerKind
    )
    let port = try server.start()
    do {
        try await body(server, port)
    } catch {
        await server.stop(gracePeriod: .milliseconds(200))
        throw error
    }
    await server.stop(gracePeriod: .seconds(2))
}

/// Polls `condition` until it holds or `timeout` passes; for counters the server updates asynchronously.
func eventually(within timeout: Duration = .seconds(3), _ condition: () -> Bool) async throws -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while clock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}

/// Answers with a text summary of the request, synchronously on the event loop.
struct EchoResponder: SynchronousResponder {
    func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        if request.path == "/big" {
            return HTTPResponse(body: (0..<200_000).map { UInt8(truncatingIfNeeded: $0) })
        }
        let summary = "\(request.method) \(request.path) q=\(request.query ?? "") body=\(String(decoding: request.body, as: UTF8.self))"
        return HTTPResponse(headers: ["X-Request-Target": request.target], text: summary)
    }
}

/// A one-shot barrier: `wait()` suspends until `open()` has been called.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        guard !isOpen else { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}

/// A response as read off the wire by ``RawClient``.
struct RawResponse: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Errors of the raw test client.
enum RawClientError: Error {
    case timedOut, closed, malformed, failed(Int32)
}
