/// A response status: a three-digit code and its reason phrase (RFC 9110 §15).
///
/// Two statuses are equal when their codes are equal; the reason phrase is informational only
/// and a client ignores it (RFC 9112 §4).
public struct HTTPStatus: Sendable, Hashable {
    /// The three-digit status code.
    public let code: Int
    /// The reason phrase written after the code in the status line.
    public let reasonPhrase: String

    /// Creates a status from a code, using the registered reason phrase unless one is given.
    public init(code: Int, reasonPhrase: String? = nil) {
        self.code = code
        self.reasonPhrase = reasonPhrase ?? HTTPStatus.registeredReasonPhrase(for: code)
    }

    /// Whether the code is informational (1xx), which never carries content (RFC 9110 §15.2).
    public var isInformational: Bool { (100...199).contains(code) }
    /// Whether the code is successful (2xx).
    public var isSuccess: Bool { (200...299).contains(code) }
    /// Whether the code is a client error (4xx).
    public var isClientError: Bool { (400...499).contains(code) }
    /// Whether the code is a server error (5xx).
    public var isServerError: Bool { (500...599).contains(code) }

    /// Whether a response with this code never has content: 1xx, 204 and 304 (RFC 9110 §6.4.1).
    public var forbidsContent: Bool { isInformational || code == 204 || code == 304 }

    /// Compares codes only.
    public static func == (lhs: HTTPStatus, rhs: HTTPStatus) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code only.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
    }
}

extension HTTPStatus: ExpressibleByIntegerLiteral {
    /// Creates a status from an integer literal such as `404`.
    public init(integerLiteral value: Int) {
        self.init(code: value)
    }
}

extension HTTPStatus: CustomStringConvertible {
    /// The code and reason phrase, such as `404 Not Found`.
    public var description: String { "\(code) \(reasonPhrase)" }
}
