import SuretyConformance
import SuretyHTTPCore

extension Exchange {
    /// Records a live exchange as the contract sees it: its endpoint, path parameters and every violation on both sides.
    ///
    /// A request that routes nowhere (404 or 405) is kept with no endpoint and one `path` violation, as
    /// `ValidatingResponder` reports it when forwarding. `routing`, when a stack over the same checker found it,
    /// spares routing the request again.
    public init(request: HTTPRequest, response: HTTPResponse, checker: ExchangeChecker?, routing: Routing? = nil, timing: Timing = .unknown) {
        let judgement = checker.map { Self.judge(request: request, response: response, checker: $0, routing: routing) }
        self.init(request: RecordedRequest(request), response: RecordedResponse(response), endpointID: judgement?.routed?.endpoint.id,
                  pathParameters: judgement?.routed?.pathParameters ?? [:], timing: timing, violations: judgement?.violations ?? [])
    }

    /// Judges the exchange again with `checker`, as `surety check --recordings` does: the endpoint it routes to now
    /// and every violation of its request and response.
    public func judged(by checker: ExchangeChecker) -> (endpointID: String?, violations: [Violation]) {
        let judgement = Self.judge(request: request.httpRequest, response: response.httpResponse, checker: checker)
        return (judgement.routed?.endpoint.id, judgement.violations)
    }

    /// What judging one exchange found: the route, every violation, and the response check (parsed body and its type).
    struct Judgement {
        var routed: RoutedRequest?
        var violations: [Violation]
        var responseCheck: ResponseCheck?
    }

    /// Routes and checks one request and its response.
    static func judge(request: HTTPRequest, response: HTTPResponse, checker: ExchangeChecker, routing: Routing? = nil) -> Judgement {
        let verdict = checker.judge(request, routing: routing ?? checker.route(request))
        guard let routed = verdict.routed else {
            let actual = verdict.problem.map { "\($0.status.code) \($0.title)" } ?? "no route"
            return Judgement(violations: [Violation(part: .path, rule: .status, expected: "a route of the contract", actual: actual)])
        }
        let check = checker.checkResponse(response, to: routed)
        return Judgement(routed: routed, violations: verdict.violations + check.violations, responseCheck: check)
    }
}
