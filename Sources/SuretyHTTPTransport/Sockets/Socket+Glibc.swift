#if canImport(Glibc)
import Glibc

// The Linux side of the platform seam: constants and calls whose spelling differs from Darwin.

extension Socket {
    /// `SOCK_STREAM`, which Glibc imports as an enum.
    static let streamSocketType = Int32(SOCK_STREAM.rawValue)

    /// Flags for every `send`: `MSG_NOSIGNAL` turns a write to a closed peer into `EPIPE` instead of SIGPIPE.
    var sendFlags: Int32 { Int32(MSG_NOSIGNAL) }

    /// Nothing to do on Linux: each send passes `MSG_NOSIGNAL`.
    func suppressSigPipe() {}

    /// Gathers `count` buffers into one `sendmsg`, which (unlike `writev`) accepts `MSG_NOSIGNAL`.
    static func sendVectors(_ descriptor: Int32, _ vectors: UnsafeMutablePointer<iovec>, count: Int) -> Int {
        var message = msghdr()
        message.msg_iov = vectors
        message.msg_iovlen = count
        return sendmsg(descriptor, &message, Int32(MSG_NOSIGNAL))
    }
}

/// Module-qualified system calls whose names collide with `Socket`'s own methods.
enum SystemCall {
    static func bind(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
        Glibc.bind(descriptor, address, length)
    }

    static func connect(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
        Glibc.connect(descriptor, address, length)
    }

    static func listen(_ descriptor: Int32, _ backlog: Int32) -> Int32 {
        Glibc.listen(descriptor, backlog)
    }

    static func accept(_ descriptor: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: UnsafeMutablePointer<socklen_t>?) -> Int32 {
        Glibc.accept(descriptor, address, length)
    }

    static func close(_ descriptor: Int32) -> Int32 {
        Glibc.close(descriptor)
    }

    static func poll(_ descriptors: UnsafeMutablePointer<pollfd>, _ count: Int, _ timeout: Int32) -> Int32 {
        Glibc.poll(descriptors, nfds_t(count), timeout)
    }

    /// Raises the soft open-file limit towards `wanted` (capped by the hard limit); returns the resulting soft limit.
    static func raiseOpenFileLimit(to wanted: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        if Int(limit.rlim_cur) < wanted {
            limit.rlim_cur = min(rlim_t(wanted), limit.rlim_max)
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            _ = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return Int(limit.rlim_cur)
    }
}

extension EventPollerKind {
    /// epoll on Linux.
    static let platformDefault = EventPollerKind.epoll
}
#endif
