import Foundation
import SuretyHTTPCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One thread that owns a poller and a set of connections and runs them to completion.
///
/// All connection state is confined to the loop's thread. Other threads talk to a loop only through
/// ``submit(_:)``, which appends to a locked inbox and wakes the loop through a self-pipe; that is
/// why the class is `@unchecked Sendable`. The first loop also owns the listening socket: it accepts,
/// enforces the connection cap and hands sockets to loops round-robin.
final class EventLoop: @unchecked Sendable {
    /// Work sent to a loop from another thread.
    enum Message: Sendable {
        /// Take over an accepted, configured socket.
        case adopt(Socket, id: UInt64)
        /// An async responder finished the request awaited on connection `connectionID`.
        case response(HTTPResponse, connectionID: UInt64, fileDescriptor: Int32)
        /// Stop accepting, close idle connections, finish the rest, and exit by `deadline`.
        case drain(deadline: UInt64)
    }

    private struct Inbox {
        var messages: [Message] = []
        var wakePending = false
        var finished = false
    }

    let context: ServerContext
    let poller: any EventPoller
    private let wakeReader: Int32
    private let wakeWriter: Int32
    private let inbox = Locked(Inbox())
    private let onExit: @Sendable () -> Void
    var listener: Socket?
    var connections: [Int32: Connection] = [:]
    let readBuffer: UnsafeMutableRawBufferPointer
    var now: UInt64 = 0
    var draining = false
    private var drainDeadline = UInt64.max
    private var nextScan: UInt64 = 0
    var acceptPausedUntil: UInt64?
    private var roundRobin = 0
    private var dateCache: (second: Int, text: String)?

    /// Creates a loop; `listener`, if given, is accepted from on this loop.
    init(context: ServerContext, listener: Socket?, onExit: @escaping @Sendable () -> Void) throws(SocketError) {
        self.context = context
        self.listener = listener
        self.onExit = onExit
        poller = try makeEventPoller(context.pollerKind)
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            poller.close()
            throw .lastError("pipe")
        }
        wakeReader = ends[0]
        wakeWriter = ends[1]
        readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        do throws(SocketError) {
            try Socket(fileDescriptor: wakeReader).setNonBlocking()
            try Socket(fileDescriptor: wakeWriter).setNonBlocking()
            try poller.add(wakeReader, interest: .read)
            if let listener { try poller.add(listener.fileDescriptor, interest: .read) }
        } catch {
            releaseResources()
            throw error
        }
    }

    /// Starts the loop's thread.
    func start(name: String) {
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    /// Hands `message` to the loop from any thread; returns false if the loop has already exited.
    @discardableResult
    func submit(_ message: Message) -> Bool {
        inbox.withLock { inbox in
            guard !inbox.finished else { return false }
            inbox.messages.append(message)
            if !inbox.wakePending {
                inbox.wakePending = true
                var byte: UInt8 = 1
                _ = write(wakeWriter, &byte, 1)  // under the lock, so the pipe cannot be closed meanwhile
            }
            return true
        }
    }

    private func run() {
        var events: [PollEvent] = []
        events.reserveCapacity(256)
        now = monotonicNanoseconds()
        nextScan = now &+ context.scanInterval
        while true {
            do {
                try poller.wait(timeoutMilliseconds: waitTimeout(), into: &events)
            } catch {
                break
            }
            now = monotonicNanoseconds()
            for event in events { handle(event) }
            processInbox()
            if now >= nextScan {
                scanDeadlines()
                nextScan = now &+ context.scanInterval
            }
            if draining && (connections.isEmpty || now >= drainDeadline) { break }
        }
        finish()
    }

    /// Milliseconds until the loop must wake on its own: the next deadline scan, or forever with nothing to time.
    private func waitTimeout() -> Int32 {
        if connections.isEmpty && !draining && acceptPausedUntil == nil { return -1 }
        let wake = min(nextScan, drainDeadline)
        guard wake > now else { return 0 }
        return Int32(min((wake - now + 999_999) / 1_000_000, 60_000))
    }

    private func handle(_ event: PollEvent) {
        let descriptor = event.fileDescriptor
        if descriptor == wakeReader {
            var scratch = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            while withUnsafeMutableBytes(of: &scratch, { read(wakeReader, $0.baseAddress, $0.count) }) > 0 {}
            return
        }
        if let listener, descriptor == listener.fileDescriptor {
            acceptConnections()
            return
        }
        guard let connection = connections[descriptor] else { return }
        if event.readable { readAvailable(connection) }
        guard connections[descriptor] === connection else { return }
        if event.writable {
            if connection.throttled {
                pump(connection)  // output may have fallen below the high-water mark: resume buffered requests
            } else {
                flush(connection)
            }
        }
        guard connections[descriptor] === connection else { return }
        if event.failed && !event.readable {
            close(connection)
            return
        }
        update(connection)
    }

    private func processInbox() {
        let messages = inbox.withLock { inbox -> [Message] in
            inbox.wakePending = false
            defer { inbox.messages.removeAll(keepingCapacity: true) }
            return inbox.messages
        }
        for message in messages {
            switch message {
            case .adopt(let socket, let id):
                adopt(socket, id: id)
            case .response(let response, let id, let descriptor):
                guard let connection = connections[descriptor], connection.id == id else { continue }
                deliver(response, to: connection)
            case .drain(let deadline):
                beginDrain(deadline: deadline)
            }
        }
    }

    private func acceptConnections() {
        guard let listener else { return }
        for _ in 0..<128 {
            let accepted: Socket?
            do {
                accepted = try listener.accept()
            } catch {
                // Out of descriptors: stop watching the listener for a moment instead of spinning on it.
                poller.remove(listener.fileDescriptor)
                acceptPausedUntil = now &+ 100_000_000
                return
            }
            guard let socket = accepted else { return }
            guard let id = context.admitConnection() else {
                reject(socket)
                continue
            }
            do {
                try socket.configureAccepted()
            } catch {
                socket.close()
                context.releaseConnection()
                continue
            }
            let loops = context.loops
            let target = loops[roundRobin % loops.count]
            roundRobin &+= 1
            if target === self {
                adopt(socket, id: id)
            } else if !target.submit(.adopt(socket, id: id)) {
                socket.close()
                context.releaseConnection()
            }
        }
    }

    /// Answers a connection beyond the cap with 503 and closes it, best effort and without blocking.
    private func reject(_ socket: Socket) {
        try? socket.setNonBlocking()
        socket.suppressSigPipe()
        _ = socket.read(into: readBuffer)
        _ = context.rejectionBytes.withUnsafeBytes { socket.write($0) }
        socket.close()
    }

    private func adopt(_ socket: Socket, id: UInt64) {
        guard !draining else {
            socket.close()
            context.releaseConnection()
            return
        }
        let connection = Connection(socket: socket, id: id, limits: context.limits, timerLimits: context.timerLimits, now: now)
        do {
            try poller.add(socket.fileDescriptor, interest: .read)
        } catch {
            socket.close()
            context.releaseConnection()
            return
        }
        connections[socket.fileDescriptor] = connection
    }

    /// Closes a connection at once and frees its slot.
    func close(_ connection: Connection) {
        let descriptor = connection.socket.fileDescriptor
        poller.remove(descriptor)
        connection.socket.close()
        connections[descriptor] = nil
        context.releaseConnection()
    }

    /// Brings the poller registration and the deadline state in line with the connection's state.
    ///
    /// While draining, a connection that has become idle (its last response fully sent) closes here.
    func update(_ connection: Connection) {
        if draining && connection.activity == .idle {
            close(connection)
            return
        }
        let desired = connection.desiredInterest
        if desired != connection.registeredInterest {
            try? poller.modify(connection.socket.fileDescriptor, interest: desired)
            connection.registeredInterest = desired
        }
        connection.timer.observe(connection.activity, now: now)
    }

    private func beginDrain(deadline: UInt64) {
        draining = true
        drainDeadline = deadline
        if let listener {
            poller.remove(listener.fileDescriptor)
            listener.close()
            self.listener = nil
            acceptPausedUntil = nil
        }
        for connection in Array(connections.values) where connection.activity == .idle {
            close(connection)
        }
    }

    /// The Date field value for this second, or `nil` when the server sends none.
    func currentDate() -> String? {
        guard context.includesDate else { return nil }
        let second = time(nil)
        if let cache = dateCache, cache.second == second { return cache.text }
        let text = HTTPDate.format(secondsSince1970: second)
        dateCache = (second, text)
        return text
    }

    private func finish() {
        for connection in Array(connections.values) { close(connection) }
        if let listener {
            poller.remove(listener.fileDescriptor)
            listener.close()
            self.listener = nil
        }
        let leftovers = inbox.withLock { inbox -> [Message] in
            inbox.finished = true
            defer { inbox.messages = [] }
            return inbox.messages
        }
        for case .adopt(let socket, _) in leftovers {
            socket.close()
            context.releaseConnection()
        }
        releaseResources()
        onExit()
    }

    private func releaseResources() {
        poller.close()
        _ = SystemCall.close(wakeReader)
        _ = SystemCall.close(wakeWriter)
        readBuffer.deallocate()
    }
}
