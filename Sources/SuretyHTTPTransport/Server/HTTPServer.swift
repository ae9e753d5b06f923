import Foundation
import SuretyHTTPCore

/// An HTTP/1.1 server that feeds requests to a ``Responder`` over non-blocking sockets.
///
/// One or more event-loop threads (epoll on Linux, poll(2) elsewhere) each own a set of connections.
/// Synchronous responders answer inline on the loop thread; async ones run in tasks. Limits,
/// timeouts and the connection cap are enforced per connection; a 4xx never stops the server, and a
/// connection closes only when message framing is lost, the client asks, or the server drains.
///
/// Beyond `maxConnections` open connections, new connections are accepted, answered with 503 and
/// closed at once, so a client learns it is turned away instead of hanging in the backlog.
public final class HTTPServer: Sendable {
    /// A snapshot of the server's connection counters.
    public struct Statistics: Sendable, Hashable {
        /// Connections open now.
        public var open: Int
        /// Connections accepted since start.
        public var accepted: Int
        /// Connections turned away with 503 because the cap was reached.
        public var rejected: Int
    }

    private enum Phase {
        case idle, running, stopping, stopped
    }

    private struct State {
        var phase = Phase.idle
        var port: UInt16?
        var loops: [EventLoop] = []
        var runningLoops = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// The address the server binds.
    public let host: String
    /// The port asked for; 0 means any free port.
    public let requestedPort: UInt16
    private let eventLoopCount: Int
    private let context: ServerContext
    private let state = Locked(State())

    /// Creates a server; nothing is bound until ``start()``.
    ///
    /// - Parameters:
    ///   - host: The address to bind, numeric or a name; default `127.0.0.1`.
    ///   - port: The port to bind; 0 (the default) picks a free one, returned by ``start()``.
    ///   - limits: Parser limits; see ``HTTPLimits`` for the defaults.
    ///   - timeouts: Phase timeouts; see ``HTTPTimeouts`` for the defaults.
    ///   - maxConnections: The most connections open at once; default 1024.
    ///   - eventLoopCount: Event-loop threads; default half the active processors, at least one. A mock
    ///     server usually shares its machine with the client under test (and async responders need the
    ///     concurrency pool), so taking every core costs tail latency: on 2 cores with `wrk -t2 -c64`,
    ///     one loop gives ~85–90k requests/s at p99 ≈ 3–4 ms, two give ~110k at p99 ≈ 8–15 ms.
    ///   - includesDateHeader: Whether responses carry a `Date` field; default false, for deterministic output.
    ///   - responder: What answers every request.
    public convenience init(
        host: String = "127.0.0.1",
        port: UInt16 = 0,
        limits: HTTPLimits = .default,
        timeouts: HTTPTimeouts = .default,
        maxConnections: Int = 1024,
        eventLoopCount: Int? = nil,
        includesDateHeader: Bool = false,
        responder: any Responder
    ) {
        self.init(
            host: host, port: port, limits: limits, timeouts: timeouts, maxConnections: maxConnections,
            eventLoopCount: eventLoopCount, includesDateHeader: includesDateHeader, responder: responder,
            pollerKind: .platformDefault
        )
    }

    /// Creates a server with an explicit poller, so tests can run the portable poll(2) path on Linux.
    init(
        host: String, port: UInt16, limits: HTTPLimits, timeouts: HTTPTimeouts, maxConnections: Int,
        eventLoopCount: Int?, includesDateHeader: Bool, responder: any Responder, pollerKind: EventPollerKind
    ) {
        self.host = host
        requestedPort = port
        self.eventLoopCount = max(1, eventLoopCount ?? ProcessInfo.processInfo.activeProcessorCount / 2)
        context = ServerContext(
            limits: limits, timeouts: timeouts, maxConnections: max(1, maxConnections), responder: responder,
            includesDate: includesDateHeader, pollerKind: pollerKind
        )
    }

    /// Binds, starts the event loops and returns the bound port; call once.
    ///
    /// Raises the process's soft open-file limit (up to the hard limit) if `maxConnections` needs more.
    public func start() throws(SocketError) -> UInt16 {
        let alreadyStarted = state.withLock { $0.phase != .idle }
        precondition(!alreadyStarted, "HTTPServer.start() called twice")
        // One descriptor per connection plus a few per loop: raise the soft limit if it is lower (never the hard one).
        _ = SystemCall.raiseOpenFileLimit(to: context.maxConnections + eventLoopCount * 4 + 64)
        let listener = try Socket.listen(host: host, port: requestedPort, backlog: 1024)
        var loops: [EventLoop] = []
        do throws(SocketError) {
            let port = try listener.localPort()
            let onExit: @Sendable () -> Void = { [state, context] in
                let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>]? in
                    state.runningLoops -= 1
                    guard state.runningLoops == 0 else { return nil }
                    state.phase = .stopped
                    state.loops = []
                    defer { state.waiters = [] }
                    return state.waiters
                }
                guard let waiters else { return }
                context.loops = []  // every loop has exited, so nothing reads this any more; breaks the cycle
                for waiter in waiters { waiter.resume() }
            }
            for index in 0..<eventLoopCount {
                loops.append(try EventLoop(context: context, listener: index == 0 ? listener : nil, onExit: onExit))
            }
            context.loops = loops
            state.withLock { state in
                state.phase = .running
                state.port = port
                state.loops = loops
                state.runningLoops = loops.count
            }
            for (index, loop) in loops.enumerated() { loop.start(name: "surety-http-\(index)") }
            return port
        } catch {
            listener.close()
            throw error
        }
    }

    /// The bound port once started, else `nil`.
    public var port: UInt16? {
        state.withLock { $0.port }
    }

    /// The current connection counters.
    public var statistics: Statistics {
        context.counters.withLock { Statistics(open: $0.open, accepted: $0.accepted, rejected: $0.rejected) }
    }

    /// Stops gracefully: stop accepting, close idle connections, let requests in progress finish
    /// (their responses say `Connection: close`), force-close whatever remains after `gracePeriod`.
    ///
    /// Returns when every event loop has exited; safe to call more than once or before ``start()``.
    public func stop(gracePeriod: Duration = .seconds(10)) async {
        beginStopping(gracePeriod: gracePeriod)
        await waitUntilStopped()
    }

    /// Starts the graceful stop of ``stop(gracePeriod:)`` and returns at once, from any thread: a signal handler stops
    /// the server this way without waiting for a task to be scheduled on a busy cooperative pool.
    public func beginStopping(gracePeriod: Duration = .seconds(10)) {
        let loops = state.withLock { state -> [EventLoop] in
            guard state.phase == .running else { return [] }
            state.phase = .stopping
            return state.loops
        }
        let deadline = monotonicNanoseconds() &+ gracePeriod.nanoseconds
        for loop in loops { loop.submit(.drain(deadline: deadline)) }
    }

    /// Suspends until the server has stopped (returns at once if it is not running).
    public func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                guard state.phase == .running || state.phase == .stopping else { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}
