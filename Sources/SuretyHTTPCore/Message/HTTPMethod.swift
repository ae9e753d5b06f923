/// A request method, an open set of tokens with constants for the registered ones (RFC 9110 §9).
public struct HTTPMethod: RawRepresentable, Sendable, Hashable {
    /// The method token exactly as sent; methods are case-sensitive (RFC 9110 §9.1).
    public let rawValue: String

    /// Creates a method from its token.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a method from its token.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Whether the method is a token (RFC 9112 §3.1: `method = token`): non-empty, `tchar` bytes only.
    public var isToken: Bool { !rawValue.isEmpty && rawValue.utf8.allSatisfy(HTTPGrammar.isTokenChar) }

    /// `GET`: transfer a current representation of the target resource (RFC 9110 §9.3.1).
    public static let get = HTTPMethod("GET")
    /// `HEAD`: like GET but the response carries no content (RFC 9110 §9.3.2).
    public static let head = HTTPMethod("HEAD")
    /// `POST`: process the enclosed representation (RFC 9110 §9.3.3).
    public static let post = HTTPMethod("POST")
    /// `PUT`: replace the target resource's state (RFC 9110 §9.3.4).
    public static let put = HTTPMethod("PUT")
    /// `DELETE`: remove the target resource's association (RFC 9110 §9.3.5).
    public static let delete = HTTPMethod("DELETE")
    /// `CONNECT`: establish a tunnel (RFC 9110 §9.3.6).
    public static let connect = HTTPMethod("CONNECT")
    /// `OPTIONS`: describe communication options (RFC 9110 §9.3.7).
    public static let options = HTTPMethod("OPTIONS")
    /// `TRACE`: loop the request back (RFC 9110 §9.3.8).
    public static let trace = HTTPMethod("TRACE")
    /// `PATCH`: apply partial modifications (RFC 5789).
    public static let patch = HTTPMethod("PATCH")
}

extension HTTPMethod: ExpressibleByStringLiteral {
    /// Creates a method from a string literal such as `"PATCH"`.
    public init(stringLiteral value: String) {
        self.init(value)
    }
}

extension HTTPMethod: CustomStringConvertible {
    /// The method token.
    public var description: String { rawValue }
}
