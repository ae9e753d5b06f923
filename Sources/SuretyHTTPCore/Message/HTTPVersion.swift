/// An HTTP protocol version as `major.minor` (RFC 9112 §2.3).
public struct HTTPVersion: Sendable, Hashable, Comparable {
    /// The major version digit.
    public var major: Int
    /// The minor version digit.
    public var minor: Int

    /// Creates a version from its two digits.
    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// HTTP/1.0, whose connections close after each response unless the client asks for keep-alive.
    public static let http1_0 = HTTPVersion(major: 1, minor: 0)
    /// HTTP/1.1, whose connections persist unless either side says `close`.
    public static let http1_1 = HTTPVersion(major: 1, minor: 1)

    /// Orders versions by major, then minor digit.
    public static func < (lhs: HTTPVersion, rhs: HTTPVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}

extension HTTPVersion: CustomStringConvertible {
    /// The version as it appears in a start line, such as `HTTP/1.1`.
    public var description: String { "HTTP/\(major).\(minor)" }
}
