import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// Judges one HTTP exchange against the contract: the single code path behind `surety serve`'s validation, the
/// violations stored with recordings, and `surety check`.
///
/// Routing tells 404 from 405; the request is checked for its path and query parameters (types, formats, enums,
/// required) and its body; the response for a documented status, a JSON content type and a body of the documented
/// type. Findings are collected, never thrown.
public struct ExchangeChecker: Sendable {
    /// Switches that change what counts as a violation.
    public struct Options: Sendable, Hashable {
        /// Report properties and query parameters the contract does not list.
        public var strict: Bool
        /// Require `Authorization: Bearer <token>` on every endpoint (the API's bearer scheme); the token itself is
        /// judged only against ``acceptedTokens``.
        public var requiresAuthorization: Bool
        /// With authorization required, the only tokens accepted; empty accepts any token.
        public var acceptedTokens: Set<String>

        /// Creates options; tolerant and without authorization by default.
        public init(strict: Bool = false, requiresAuthorization: Bool = false, acceptedTokens: Set<String> = []) {
            self.strict = strict
            self.requiresAuthorization = requiresAuthorization
            self.acceptedTokens = acceptedTokens
        }
    }

    /// The contract judged against.
    public let contract: Contract
    /// The options in force.
    public let options: Options
    /// The router over the contract's endpoints.
    public let router: Router
    /// The compiled validator.
    public let validator: SchemaValidator
    /// Names this checker and its copies, so a memo of verdicts (``ResponseVerdictCache``) can tell whose they are.
    public let identity = Identity()

    /// A checker's name: copies of one checker share it, two checkers made apart never do.
    public final class Identity: Sendable {}
    /// Counts the requests this checker routes, when set (the tests that prove a stack routes each request once).
    package var routeObserver: RouteObserver?

    /// Compiles the contract's schemas and routes once.
    public init(contract: Contract, options: Options = Options()) {
        self.contract = contract
        self.options = options
        self.router = contract.makeRouter()
        self.validator = SchemaValidator(contract: contract, strict: options.strict)
    }

    /// Finds the endpoint of a request; `HEAD` routes as `GET` (``Router/routing(of:)``).
    public func route(_ request: HTTPRequest) -> Routing {
        routeObserver?.count()
        return router.routing(of: request)
    }

    /// Every violation of a routed request: parameters, then body.
    public func checkRequest(_ request: HTTPRequest, routed: RoutedRequest) -> [Violation] {
        checkRequestParsing(request, routed: routed).violations
    }

    /// The same as ``checkRequest(_:routed:)``, with the body it parsed.
    func checkRequestParsing(_ request: HTTPRequest, routed: RoutedRequest) -> (violations: [Violation], body: JSONDocument?) {
        var violations = options.requiresAuthorization ? checkAuthorization(request) : []
        violations += checkPathParameters(routed)
        violations += checkQuery(routed)
        let (bodyViolations, body) = checkRequestBody(request, endpoint: routed.endpoint)
        violations += bodyViolations
        if let note = routed.endpoint.deprecation {
            violations.append(Violation(severity: .warning, part: .path, rule: .deprecated, expected: "a current endpoint",
                                        actual: note.isEmpty ? "deprecated" : "deprecated: \(note)"))
        }
        return (violations, body)
    }

    /// Routes and checks a request: the endpoint, every violation, and the problem a strict server answers with
    /// (404, 405, or 400 when any violation is an error), or no problem when the request may be answered.
    public func judge(_ request: HTTPRequest) -> RequestVerdict {
        judge(request, routing: route(request))
    }

    /// The same as ``judge(_:)`` for a request whose routing (``route(_:)``) is already known.
    public func judge(_ request: HTTPRequest, routing: Routing) -> RequestVerdict {
        guard case .routed(let routed) = routing else {
            return RequestVerdict(routed: nil, violations: [], problem: routing.problem(for: request))
        }
        let (violations, body) = checkRequestParsing(request, routed: routed)
        let errors = violations.filter(\.isError)
        guard !errors.isEmpty else { return RequestVerdict(routed: routed, violations: violations, problem: nil, body: body) }
        if let missing = errors.first(where: { $0.rule == .security }) {
            let problem = Problem(status: .unauthorized, title: "Authentication required",
                                  detail: "\(routed.endpoint.id) needs \(missing.expected).", violations: [missing])
            return RequestVerdict(routed: routed, violations: violations, problem: problem)
        }
        let problem = Problem(status: .badRequest, title: "Request violates the contract",
                              detail: "\(routed.endpoint.id): \(errors.count) violation(s).", violations: errors)
        return RequestVerdict(routed: routed, violations: violations, problem: problem)
    }
}

/// What the contract says of a request before it is answered.
public struct RequestVerdict: Sendable {
    /// The endpoint and values, when the request routed.
    public var routed: RoutedRequest?
    /// Every violation of the request, warnings included.
    public var violations: [Violation]
    /// The error answer a strict server gives (404, 405 or 400), or nil when the request may be answered.
    public var problem: Problem?
    /// The request body parsed as JSON, when the request may be answered and its endpoint takes a JSON body.
    public var body: JSONDocument? = nil
}

extension ExchangeChecker {
    /// Checks that the request carries a bearer token (RFC 6750 §2.1).
    func checkAuthorization(_ request: HTTPRequest) -> [Violation] {
        let pointer = Self.authorizationPointer
        guard let value = request.headers["Authorization"] else {
            return [Violation(part: .header, pointer: pointer, rule: .security, expected: "Authorization: Bearer <token>", actual: "absent")]
        }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].allSatisfy({ $0 == " " }) else {
            return [Violation(part: .header, pointer: pointer, rule: .security, expected: "Authorization: Bearer <token>",
                              actual: "a \(parts.first.map { ValidationIssue.bounded(String($0), limit: 20) } ?? "blank") credential")]
        }
        guard options.acceptedTokens.isEmpty || options.acceptedTokens.contains(String(parts[1])) else {
            return [Violation(part: .header, pointer: pointer, rule: .security, expected: "one of the server's tokens",
                              actual: "an unknown bearer token")]
        }
        return []
    }

    /// Where an authorization violation points, made once (every request is checked).
    private static let authorizationPointer = JSONPointer(tokens: ["Authorization"])
}
