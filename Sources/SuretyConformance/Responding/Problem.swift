import SuretyHTTPCore
import SuretyJSON

/// Surety's one error shape, used by every responder it ships: `{"title", "status", "violations": [...]}`.
///
/// `detail` explains the one case in words; `nearest` (404) lists up to three routes close to the path asked for;
/// `allow` (405) lists the path's methods, as the `Allow` header does. Members are written in this order.
public struct Problem: Sendable, Hashable, Error {
    /// The most violations the JSON lists; the rest are counted in `violationsNotListed`, so a problem body never
    /// grows with the request body (a 16 MiB array of wrong items is one violation per item).
    public static let maxListedViolations = 100

    /// The status code.
    public var status: HTTPStatus
    /// A short summary that does not change from occurrence to occurrence.
    public var title: String
    /// What happened this time, in words.
    public var detail: String?
    /// Every contract violation found, in message order.
    public var violations: [Violation]
    /// On 404: the nearest routes, `METHOD /template`.
    public var nearest: [String]
    /// On 405: the methods the path has.
    public var allow: [String]

    /// Creates a problem.
    public init(status: HTTPStatus, title: String, detail: String? = nil, violations: [Violation] = [],
                nearest: [String] = [], allow: [String] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.violations = violations
        self.nearest = nearest
        self.allow = allow
    }

    /// The problem as JSON.
    public var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "title", value: .string(title)),
            JSONMember(key: "status", value: .integer(status.code)),
        ]
        if let detail { members.append(JSONMember(key: "detail", value: .string(detail))) }
        members.append(JSONMember(key: "violations", value: .array(violations.prefix(Self.maxListedViolations).map(\.jsonValue))))
        if violations.count > Self.maxListedViolations {
            members.append(JSONMember(key: "violationsNotListed", value: .integer(violations.count - Self.maxListedViolations)))
        }
        if !nearest.isEmpty { members.append(JSONMember(key: "nearest", value: .array(nearest.map { .string($0) }))) }
        if !allow.isEmpty { members.append(JSONMember(key: "allow", value: .array(allow.map { .string($0) }))) }
        return .object(members)
    }

    /// The problem as an `application/json` response; a 405 also carries `Allow`, a 401 `WWW-Authenticate`.
    public var response: HTTPResponse {
        var headers = HTTPFields()
        if !allow.isEmpty { headers["Allow"] = allow.joined(separator: ", ") }
        if status.code == 401 { headers["WWW-Authenticate"] = "Bearer" }  // RFC 6750 §3
        return HTTPResponse(status: status, headers: headers, contentType: "application/json",
                            body: JSONWriter(style: .compact).bytes(jsonValue))
    }

    /// Reads a problem from a response in the error shape; nil when the body is not one.
    public init?(response: HTTPResponse) {
        guard let document = try? JSONParser().parse(response.body) else { return nil }
        let value = document.value()
        guard let title = value["title"]?.stringValue, let code = value["status"]?.numberValue?.intValue else { return nil }
        self.init(
            status: HTTPStatus(code: code), title: title, detail: value["detail"]?.stringValue,
            violations: value["violations"]?.arrayValue?.compactMap(Violation.init(jsonValue:)) ?? [],
            nearest: value["nearest"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            allow: value["allow"]?.arrayValue?.compactMap(\.stringValue) ?? []
        )
    }
}
