#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call in the socket layer, with the call's name and `errno`.
public enum SocketError: Error, Sendable, Hashable {
    /// The system call `call` failed with `errno`.
    case failed(call: String, errno: Int32)
    /// The host string could not be resolved to an address to bind or connect.
    case unresolvableHost(String)

    /// Captures the current `errno` for a failed `call`.
    static func lastError(_ call: String) -> SocketError {
        .failed(call: call, errno: errno)
    }
}

extension SocketError: CustomStringConvertible {
    /// The call, errno and the system's message, such as `bind failed: errno 98 (Address already in use)`.
    public var description: String {
        switch self {
        case .failed(let call, let code):
            "\(call) failed: errno \(code) (\(String(cString: strerror(code))))"
        case .unresolvableHost(let host):
            "cannot resolve host \(host)"
        }
    }
}
