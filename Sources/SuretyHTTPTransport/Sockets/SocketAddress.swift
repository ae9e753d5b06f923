#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 socket address resolved with `getaddrinfo`, so `localhost`, `127.0.0.1` and `::1` all work.
struct SocketAddress {
    private var storage = sockaddr_storage()
    private let length: socklen_t
    /// The address family, `AF_INET` or `AF_INET6`.
    let family: Int32

    /// Resolves `host` (numeric or a name) with `port` to the first stream address.
    init(host: String, port: UInt16) throws(SocketError) {
        var hints = addrinfo()
        hints.ai_socktype = Socket.streamSocketType
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw .unresolvableHost(host)
        }
        defer { freeaddrinfo(list) }
        family = first.pointee.ai_family
        length = first.pointee.ai_addrlen
        withUnsafeMutableBytes(of: &storage) { destination in
            destination.copyMemory(from: UnsafeRawBufferPointer(start: first.pointee.ai_addr, count: Int(first.pointee.ai_addrlen)))
        }
    }

    /// Runs `body` with the address as a `sockaddr` pointer and its length.
    func withSockAddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R {
        withUnsafeBytes(of: storage) { raw in
            body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), length)
        }
    }

    /// The port of an IPv4 or IPv6 address in `storage`, or 0 for other families.
    static func port(of storage: sockaddr_storage) -> UInt16 {
        withUnsafeBytes(of: storage) { raw in
            switch Int32(storage.ss_family) {
            case AF_INET: UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port)
            case AF_INET6: UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port)
            default: 0
            }
        }
    }
}
