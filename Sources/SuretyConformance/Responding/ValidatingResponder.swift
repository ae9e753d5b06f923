import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// Wraps a responder so that every exchange is judged by the contract through ``ExchangeChecker``.
///
/// Unknown paths answer 404 with the nearest routes, wrong methods 405 with `Allow`, and requests with violations
/// 400 with every violation, unless the policy is ``RequestPolicy/forward`` (proxying and recording, where the
/// upstream decides). Responses are checked too; their violations go to the log and are counted in the
/// `X-Surety-Violations` header. The request body it parses goes on in the context, so the mode does not parse it again.
public struct ValidatingResponder<Inner: ContextResponder>: ContextResponder {
    /// The checker.
    public let checker: ExchangeChecker
    /// The wrapped responder.
    public let inner: Inner
    /// What happens to requests that break the contract.
    public let policy: RequestPolicy
    /// Where violations are recorded.
    public let log: ViolationLog
    /// Verdicts on response bodies already checked, so a repeated body is not parsed and validated again; share it
    /// only with responders that use the same ``checker``.
    public let verdicts: ResponseVerdictCache

    /// Wraps `inner`.
    public init(checker: ExchangeChecker, inner: Inner, policy: RequestPolicy = .reject, log: ViolationLog = ViolationLog(),
                verdicts: ResponseVerdictCache = ResponseVerdictCache()) {
        self.checker = checker
        self.inner = inner
        self.policy = policy
        self.log = log
        self.verdicts = verdicts
    }

    /// Checks the request, calls the inner responder when allowed, checks and logs the response.
    public func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        switch admit(request, context: context) {
        case .answer(let response): return response
        case .pass(let routed, let violations, nil):
            return conclude(request, routed: routed, requestViolations: violations, response: await inner.respond(to: request, context: context))
        case .pass(let routed, let violations, let body):
            return conclude(request, routed: routed, requestViolations: violations,
                            response: await inner.respond(to: request, context: context.with(body: body)))
        }
    }

    func admit(_ request: HTTPRequest, context: RequestContext) -> Admission {
        let verdict = checker.judge(request, routing: context.routing)
        if let problem = verdict.problem, policy == .reject {
            let sequence = log.record(method: request.method.rawValue, target: request.target, endpointID: verdict.routed?.endpoint.id,
                                      status: problem.status.code, violations: problem.violations)
            return .answer(ViolationHeaders.reporting(problem.violations, sequence: sequence, on: problem.response))
        }
        if verdict.routed == nil, let problem = verdict.problem {
            let violation = Violation(part: .path, rule: .status, expected: "a route of the contract",
                                      actual: "\(problem.status.code) \(problem.title)")
            return .pass(nil, [violation], body: nil)
        }
        return .pass(verdict.routed, verdict.violations, body: verdict.body)
    }

    func conclude(_ request: HTTPRequest, routed: RoutedRequest?, requestViolations: [Violation], response: HTTPResponse) -> HTTPResponse {
        var violations = requestViolations
        if let routed {
            violations += verdicts.violations(of: response, to: routed, by: checker) { checker.checkResponse(response, to: routed).violations }
        }
        let sequence = log.record(method: request.method.rawValue, target: request.target, endpointID: routed?.endpoint.id,
                                  status: response.status.code, violations: violations)
        return ViolationHeaders.reporting(violations, sequence: sequence, on: response)
    }
}

/// What the validation decided about a request: answer it, or pass it on (outside the generic responder, so that it
/// is copied as a concrete value rather than through the generic type's metadata).
enum Admission {
    case answer(HTTPResponse)
    case pass(RoutedRequest?, [Violation], body: JSONDocument?)
}

/// What a validating server adds to a response that breaks the contract, readable without a log.
public enum ViolationHeaders {
    /// The most violations a response's `X-Surety-Violation` headers show; the link shows them all.
    public static var maxViolationHeaders: Int { 3 }
    /// The longest one `X-Surety-Violation` header may be.
    public static var maxViolationHeaderBytes: Int { 200 }

    /// The response with what the contract found readable from it: the count of error violations, the first
    /// ``maxViolationHeaders`` of them (each cut to ``maxViolationHeaderBytes``), and the admin route that lists them.
    public static func reporting(_ violations: [Violation], sequence: Int, on response: HTTPResponse) -> HTTPResponse {
        let errors = violations.filter(\.isError)
        guard !errors.isEmpty else { return response }
        var response = response
        response.headers[SuretyHeaders.violationCount] = String(errors.count)
        for violation in errors.prefix(maxViolationHeaders) {
            response.headers.append(name: SuretyHeaders.violation, value: ValidationIssue.bounded(violation.description, limit: maxViolationHeaderBytes))
        }
        response.headers[SuretyHeaders.violationsLink] = SuretyRoutes.adminPrefix + "violations/\(sequence)"
        return response
    }
}

extension ValidatingResponder: SynchronousContextResponder where Inner: SynchronousContextResponder {
    /// Asks the layer below whether it answers this request inline.
    public func answersSynchronously(_ request: HTTPRequest) -> Bool {
        inner.answersSynchronously(request)
    }

    /// The same as ``respond(to:context:)`` without suspending.
    public func respondSynchronously(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        switch admit(request, context: context) {
        case .answer(let response): return response
        case .pass(let routed, let violations, nil):
            return conclude(request, routed: routed, requestViolations: violations, response: inner.respondSynchronously(to: request, context: context))
        case .pass(let routed, let violations, let body):
            return conclude(request, routed: routed, requestViolations: violations,
                            response: inner.respondSynchronously(to: request, context: context.with(body: body)))
        }
    }
}

/// The paths of Surety's own routes.
public enum SuretyRoutes {
    /// The prefix of every admin route (`/__surety/health`, `/__surety/reset`, …); no API path starts with it.
    public static let adminPrefix = "/__surety/"
    /// The open route that says a server is Surety's and in which mode.
    public static let health = "/__surety/health"
    /// The `server` member of the health answer, by which a Surety server is recognised.
    public static let serverName = "surety"
    /// Where a recorder's or proxy's own admin routes live while the upstream Surety server's are forwarded to it.
    public static let recorderPrefix = "/__surety/recorder/"

    /// Whether a request's path is one of Surety's own routes, which the contract does not describe (compared byte by
    /// byte: every request asks).
    public static func isAdmin(_ request: HTTPRequest) -> Bool {
        request.path.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= adminPrefixBytes.count else { return false }
            for index in adminPrefixBytes.indices where bytes[index] != adminPrefixBytes[index] { return false }
            return true
        } ?? request.path.hasPrefix(adminPrefix)
    }

    private static let adminPrefixBytes = Array(adminPrefix.utf8)
}

/// The header fields Surety adds to responses.
public enum SuretyHeaders {
    /// Counts an exchange's violations that are errors, when there are any.
    public static let violationCount = "X-Surety-Violations"
    /// One of an exchange's first violations, as reports print it (repeated, at most three).
    public static let violation = "X-Surety-Violation"
    /// The admin route that lists all of an exchange's violations (`/__surety/violations/{sequence}`).
    public static let violationsLink = "X-Surety-Violations-Link"
}

/// What a validating server does with a request that breaks the contract.
public enum RequestPolicy: String, Sendable, CaseIterable {
    /// Answer 404, 405 or 400 in the error shape without calling the inner responder.
    case reject
    /// Call the inner responder anyway and log the violations (proxying and recording: the upstream decides).
    case forward
}
