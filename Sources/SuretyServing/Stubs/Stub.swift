import SuretyHTTPCore
import SuretyJSON

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
    /// Query parameters the request must carry, each with this value.
    public var query: [HTTPQueryItem] = []
    /// JSON the request body must contain: an object's members at least these (recursively), any other value equal.
    public var body: JSONValue?

    /// The longest delay a stub may ask for.
    public static let maxDelay: Duration = .seconds(60)

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
        guard Self.path(request.path, fits: path), query.allSatisfy({ item in request.queryItems.contains { $0.name == item.name && $0.value == item.value } }) else {
            return false
        }
        guard let body else { return true }
        guard let sent = try? JSONParser().parse(request.body).value() else { return false }
        return Self.contains(sent, body)
    }

    /// Whether `value` holds `expected`: an object at least its members (recursively), anything else equal.
    static func contains(_ value: JSONValue, _ expected: JSONValue) -> Bool {
        guard case .object(let wanted) = expected else { return value == expected }
        guard case .object = value else { return false }
        return wanted.allSatisfy { member in value[member.key].map { contains($0, member.value) } ?? false }
    }

    /// Whether `path` fits a path pattern: literal segments equal, `*` or `{name}` any one non-empty segment.
    public static func path(_ path: String, fits pattern: String) -> Bool {
        let expected = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let actual = path.split(separator: "/", omittingEmptySubsequences: false)
        guard expected.count == actual.count else { return false }
        return zip(expected, actual).allSatisfy { wanted, segment in isWildcard(wanted) ? !segment.isEmpty : wanted == segment }
    }

    /// Whether a pattern segment stands for any one segment.
    static func isWildcard(_ segment: Substring) -> Bool {
        segment == "*" || (segment.count > 2 && segment.hasPrefix("{") && segment.hasSuffix("}"))
    }
}
