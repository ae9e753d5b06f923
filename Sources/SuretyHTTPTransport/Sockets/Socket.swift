#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thin wrapper over a POSIX stream socket's file descriptor; it knows nothing of HTTP.
///
/// Platform differences (socket type constants, SIGPIPE suppression, address layout) live in
/// `Socket+Glibc.swift` and `Socket+Darwin.swift`; everything here is portable POSIX.
struct Socket: Sendable, Hashable {
    /// The outcome of one read or write.
    enum IOResult: Equatable {
        /// `count` bytes were transferred.
        case transferred(Int)
        /// The call would block: no data to read or no room to write.
        case wouldBlock
        /// The peer closed its side (read returned 0).
        case closed
        /// The call failed with `errno`.
        case failed(Int32)
    }

    /// The underlying file descriptor.
    let fileDescriptor: Int32

    /// Creates a non-blocking socket listening on `host:port` (port 0 picks a free port).
    static func listen(host: String, port: UInt16, backlog: Int32) throws(SocketError) -> Socket {
        let address = try SocketAddress(host: host, port: port)
        let descriptor = socket(address.family, streamSocketType, 0)
        guard descriptor >= 0 else { throw .lastError("socket") }
        let socket = Socket(fileDescriptor: descriptor)
        do throws(SocketError) {
            try socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1)
            let bound = address.withSockAddr { SystemCall.bind(descriptor, $0, $1) }
            guard bound == 0 else { throw SocketError.lastError("bind") }
            guard SystemCall.listen(descriptor, backlog) == 0 else { throw SocketError.lastError("listen") }
            try socket.setNonBlocking()
            return socket
        } catch {
            socket.close()
            throw error
        }
    }

    /// Connects a blocking socket to `host:port`; used by tests and tools, not by the server.
    static func connect(host: String, port: UInt16) throws(SocketError) -> Socket {
        let address = try SocketAddress(host: host, port: port)
        let descriptor = socket(address.family, streamSocketType, 0)
        guard descriptor >= 0 else { throw .lastError("socket") }
        let socket = Socket(fileDescriptor: descriptor)
        let connected = address.withSockAddr { SystemCall.connect(descriptor, $0, $1) }
        guard connected == 0 else {
            let error = SocketError.lastError("connect")
            socket.close()
            throw error
        }
        socket.suppressSigPipe()
        return socket
    }

    /// The local port the socket is bound to.
    func localPort() throws(SocketError) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fileDescriptor, $0, &length) }
        }
        guard result == 0 else { throw .lastError("getsockname") }
        return SocketAddress.port(of: storage)
    }

    /// Accepts a pending connection, or returns `nil` when none is waiting.
    func accept() throws(SocketError) -> Socket? {
        let descriptor = SystemCall.accept(fileDescriptor, nil, nil)
        if descriptor >= 0 { return Socket(fileDescriptor: descriptor) }
        switch errno {
        case EAGAIN, EWOULDBLOCK, EINTR, ECONNABORTED: return nil
        default: throw .lastError("accept")
        }
    }

    /// Prepares an accepted connection: non-blocking, no Nagle delay, no SIGPIPE.
    func configureAccepted() throws(SocketError) {
        try setNonBlocking()
        try setOption(Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        suppressSigPipe()
    }

    /// Switches the socket to non-blocking mode.
    func setNonBlocking() throws(SocketError) {
        let flags = fcntl(fileDescriptor, F_GETFL)
        guard flags >= 0, fcntl(fileDescriptor, F_SETFL, flags | O_NONBLOCK) == 0 else { throw .lastError("fcntl") }
    }

    /// Sets an integer socket option.
    func setOption(_ level: Int32, _ name: Int32, _ value: Int32) throws(SocketError) {
        var value = value
        guard setsockopt(fileDescriptor, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw .lastError("setsockopt")
        }
    }

    /// Makes blocking reads give up after `seconds` (tests use it as a deadline).
    func setReceiveTimeout(seconds: Double) throws(SocketError) {
        var time = timeval(tv_sec: .init(seconds), tv_usec: .init((seconds - seconds.rounded(.down)) * 1_000_000))
        guard setsockopt(fileDescriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size)) == 0 else {
            throw .lastError("setsockopt")
        }
    }

    /// Reads up to `buffer.count` bytes.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        let count = recv(fileDescriptor, buffer.baseAddress, buffer.count, 0)
        if count > 0 { return .transferred(count) }
        if count == 0 { return .closed }
        return Self.classify(errno)
    }

    /// Writes as much of `bytes` as the socket accepts now.
    func write(_ bytes: UnsafeRawBufferPointer) -> IOResult {
        let count = send(fileDescriptor, bytes.baseAddress, bytes.count, sendFlags)
        return count >= 0 ? .transferred(count) : Self.classify(errno)
    }

    /// Writes as much of `first` then `second` as the socket accepts now, in one gathering call.
    func write(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> IOResult {
        var vectors = (
            iovec(iov_base: UnsafeMutableRawPointer(mutating: first.baseAddress), iov_len: first.count),
            iovec(iov_base: UnsafeMutableRawPointer(mutating: second.baseAddress), iov_len: second.count)
        )
        let count = withUnsafeMutableBytes(of: &vectors) { raw in
            Self.sendVectors(fileDescriptor, raw.baseAddress!.assumingMemoryBound(to: iovec.self), count: 2)
        }
        return count >= 0 ? .transferred(count) : Self.classify(errno)
    }

    /// Shuts down the sending side so the peer reads end-of-file while this side can still drain input.
    func shutdownWrite() {
        _ = shutdown(fileDescriptor, Int32(SHUT_WR))
    }

    /// Closes the file descriptor.
    func close() {
        _ = SystemCall.close(fileDescriptor)
    }

    private static func classify(_ code: Int32) -> IOResult {
        code == EAGAIN || code == EWOULDBLOCK || code == EINTR ? .wouldBlock : .failed(code)
    }
}
