import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

extension ConformanceRunner {
    /// The longest problem text (`detail` or `title` of an error body) a verdict quotes.
    static let maxQuotedProblemCharacters = 200

    /// Sends a request the contract accepts for `endpoint` with the candidate's path values, judges the answer
    /// (``ValidAnswer``), and on a documented success of a list also its extended page and its further pages.
    func sendValid(_ endpoint: Endpoint, candidate: Candidate, state: inout RunState) async {
        guard let page = await sendValidOnce(endpoint, candidate: candidate, extended: false, offset: nil, state: &state) else { return }
        if options.probesExtendedPages, endpoint.list?.extended == true, !state.stopped {
            _ = await sendValidOnce(endpoint, candidate: candidate, extended: true, offset: nil, state: &state)
        }
        await walkPages(endpoint, candidate: candidate, first: page, state: &state)
    }

    /// Follows a list's pages with `offset` while the backend says the list is not complete, up to
    /// ``Options/maxPagesPerList`` pages.
    func walkPages(_ endpoint: Endpoint, candidate: Candidate, first: JSONValue, state: inout RunState) async {
        guard endpoint.parameters(in: .query).contains(where: { $0.name == "offset" }) else { return }
        var page = first
        var offset = 0
        for _ in 1..<Options.maxPagesPerList {
            let items = page["items"]?.arrayValue ?? page.arrayValue ?? []
            guard page["listCompleted"]?.boolValue == false, !items.isEmpty, !state.stopped else { return }
            offset += items.count
            guard let next = await sendValidOnce(endpoint, candidate: candidate, extended: endpoint.list?.extended == true,
                                                 offset: offset, state: &state) else { return }
            page = next
        }
    }

    /// One valid request; returns the body of a documented success.
    func sendValidOnce(_ endpoint: Endpoint, candidate: Candidate, extended: Bool, offset: Int?, state: inout RunState) async -> JSONValue? {
        let name = offset != nil ? "valid-page" : extended ? "valid-extended" : "valid"
        var built: HTTPRequest?
        var problem = "no attempt"
        for attempt in 0..<Self.maxRequestAttempts {
            var random = SeededRandom(seed: options.seed, key: "probe:\(endpoint.id):\(extended):\(attempt)")
            var query = factory.requiredQuery(for: endpoint, extended: extended, random: &random)
            if let offset { query.append(HTTPQueryItem(name: "offset", value: String(offset))) }
            let body = factory.body(for: endpoint, random: &random)
            let request = factory.request(endpoint, path: candidate.path, query: query, body: body, token: options.token)
            let verdict = checker.judge(request)
            guard verdict.routed?.endpoint.id == endpoint.id else {
                problem = "the path \(request.path) routes to \(verdict.routed?.endpoint.id ?? "no endpoint")"
                continue
            }
            if let first = verdict.violations.first(where: \.isError) {
                problem = "the generated request breaks the contract: \(first)"
                continue
            }
            built = request
            break
        }
        guard let request = built else {
            if state.reach[endpoint.id] == nil { state.reach[endpoint.id] = "no valid request could be built: \(problem)" }
            state.append(CheckResult(origin: .probe(extended: extended), name: name, endpointID: endpoint.id, method: endpoint.method,
                                     target: endpoint.path.text, status: nil, skipped: problem))
            return nil
        }
        let exchange = await exchange(request, state: &state)
        let status = exchange.response.status.code
        let answer = ValidAnswer(endpoint: endpoint, status: status, values: candidate.values, hasToken: options.token != nil,
                                 problemText: Self.problemText(exchange.body), generatedBody: !request.body.isEmpty)
        let violations = (exchange.responseCheck?.violations ?? []) + answer.violations
        state.append(CheckResult(origin: .probe(extended: extended), name: name, endpointID: endpoint.id, method: request.method.rawValue,
                                 target: request.target, status: status, violations: violations,
                                 requestViolations: exchange.requestViolations, unreached: answer.unreached,
                                 exchange: ExchangeRecord(request: request, response: exchange.response), nanoseconds: exchange.nanoseconds))
        if answer.violations.isEmpty, answer.unreached == nil {
            state.markReached(endpoint.id, how: candidate.how.isEmpty ? "\(request.method.rawValue) \(request.target)" : candidate.how)
            return exchange.body ?? .null
        }
        if state.reach[endpoint.id] == nil || answer.unreached == nil {
            state.reach[endpoint.id] = answer.unreached ?? "failed: answered \(status)"
        }
        return nil
    }

    /// The `detail` (else `title`) of a problem body, cut to ``maxQuotedProblemCharacters``.
    static func problemText(_ body: JSONValue?) -> String? {
        guard let text = body?["detail"]?.stringValue ?? body?["title"]?.stringValue else { return nil }
        return ValidationIssue.bounded(text, limit: maxQuotedProblemCharacters)
    }
}
