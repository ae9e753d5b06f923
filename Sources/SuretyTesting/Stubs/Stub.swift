import SuretyHTTPCore

/// An answer pinned from Swift for a method and a path pattern, optionally for a number of requests and after a
/// delay: the test's own stub, checked against the contract when it is pinned.
public struct Stub: Sendable, Hashable, CustomStringConvertible {
    /// The method it answers, upper case.
    public var method: String
    /// The path pattern: literal segments, and `{name}` or `*` for any one segment (`/policy/{tenant}/terms/*`).
    public var path: String
    /// The pinned response.
    public var response: HTTPResponse
    /// How many requests it answers before it stops matching; nil for every request.
    public var times: Int?
    /// How long it waits before answering.
    public var delay: Duration
    /// Pin it even when the response breaks the contract (its violations are then reported as each request is answered).
    public var allowInvalid: Bool

    /// A stub answering `method path` with `status` and the JSON text `json`.
    public init(_ method: String, _ path: String, status: Int = 200, json: String, times: Int? = nil,
                delay: Duration = .zero, allowInvalid: Bool = false) {
        self.init(method, path, response: HTTPResponse(status: HTTPStatus(code: status), jsonText: json), times: times,
                  delay: delay, allowInvalid: allowInvalid)
    }

    /// A stub answering `method path` with `response`.
    public init(_ method: String, _ path: String, response: HTTPResponse, times: Int? = nil, delay: Duration = .zero,
                allowInvalid: Bool = false) {
        self.method = method.uppercased()
        self.path = path
        self.response = response
        self.times = times
        self.delay = delay
        self.allowInvalid = allowInvalid
    }

    /// `METHOD /path/pattern`.
    public var description: String { "\(method) \(path)" }

    /// Whether the request's method and path fit the stub (`HEAD` fits a `GET` stub).
    public func matches(_ request: HTTPRequest) -> Bool {
        let method = request.method == .head ? "GET" : request.method.rawValue
        guard method == self.method else { return false }
        let pattern = path.split(separator: "/", omittingEmptySubsequences: false)
        let actual = request.path.split(separator: "/", omittingEmptySubsequences: false)
        guard pattern.count == actual.count else { return false }
        return zip(pattern, actual).allSatisfy { expected, segment in
            Self.isWildcard(expected) ? !segment.isEmpty : expected == segment
        }
    }

    /// Whether a pattern segment stands for any one segment.
    static func isWildcard(_ segment: Substring) -> Bool {
        segment == "*" || (segment.count > 2 && segment.hasPrefix("{") && segment.hasSuffix("}"))
    }
}
