#if canImport(Darwin)
import Darwin

// The Darwin side of the platform seam: constants and calls whose spelling differs from Glibc.

extension Socket {
    /// `SOCK_STREAM`, which Darwin imports as a plain integer.
    static let streamSocketType = SOCK_STREAM

    /// Darwin has no `MSG_NOSIGNAL`; `SO_NOSIGPIPE` is set per socket instead.
    var sendFlags: Int32 { 0 }

    /// Sets `SO_NOSIGPIPE` so a write to a closed peer yields `EPIPE` instead of SIGPIPE.
    func suppressSigPipe() {
        try? setOption(SOL_SOCKET, SO_NOSIGPIPE, 1)
    }

    /// Gathers `count` buffers into one `writev`; SIGPIPE is already suppressed on the socket.
    static func sendVectors(_ descriptor: Int32, _ vectors: UnsafeMutablePointer<iovec>, count: Int) -> Int {
        writev(descriptor, vectors, Int32(count))
    }
}

/// Module-qualified system calls whose names collide with `Socket`'s own methods.
enum SystemCall {
    static func bind(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
        Darwin.bind(descriptor, address, length)
    }

    static func connect(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
        Darwin.connect(descriptor, address, length)
    }

    static func listen(_ descriptor: Int32, _ backlog: Int32) -> Int32 {
        Darwin.listen(descriptor, backlog)
    }

    static func accept(_ descriptor: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: UnsafeMutablePointer<socklen_t>?) -> Int32 {
        Darwin.accept(descriptor, address, length)
    }

    static func close(_ descriptor: Int32) -> Int32 {
        Darwin.close(descriptor)
    }

    static func poll(_ descriptors: UnsafeMutablePointer<pollfd>, _ count: Int, _ timeout: Int32) -> Int32 {
        Darwin.poll(descriptors, nfds_t(count), timeout)
    }

    /// Raises the soft open-file limit towards `wanted` (capped by the hard limit and OPEN_MAX); returns the resulting soft limit.
    static func raiseOpenFileLimit(to wanted: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE, &limit) == 0 else { return 0 }
        if Int(limit.rlim_cur) < wanted {
            limit.rlim_cur = min(rlim_t(wanted), limit.rlim_max, rlim_t(OPEN_MAX))
            _ = setrlimit(RLIMIT_NOFILE, &limit)
            _ = getrlimit(RLIMIT_NOFILE, &limit)
        }
        return Int(limit.rlim_cur)
    }
}

extension EventPollerKind {
    /// poll(2) on Darwin; a kqueue poller would slot in here.
    static let platformDefault = EventPollerKind.poll
}
#endif
