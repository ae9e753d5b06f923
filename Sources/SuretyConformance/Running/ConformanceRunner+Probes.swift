import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

extension ConformanceRunner {
    /// A request the contract accepts for `endpoint`, drawn from the seed; retried with fresh draws when a generated
    /// value happens to break the contract (e.g. a `oneOf` body matching two branches). Nil with the last problem.
    func validRequest(for endpoint: Endpoint, extended: Bool, captures: CapturePool)
        -> Result<(request: HTTPRequest, path: [String: String]), ProbeFailure> {
        var problem = ProbeFailure(reason: "no attempt")
        var known = captures
        for attempt in 0..<Self.maxRequestAttempts {
            var random = SeededRandom(seed: options.seed, key: "probe:\(endpoint.id):\(extended):\(attempt)")
            let path = factory.pathValues(for: endpoint, captures: known, random: &random)
            let query = factory.requiredQuery(for: endpoint, extended: extended, random: &random)
            let body = factory.body(for: endpoint, random: &random)
            let request = factory.request(endpoint, path: path, query: query, body: body, token: options.token)
            let verdict = checker.judge(request)
            guard verdict.routed?.endpoint.id == endpoint.id else {
                problem = ProbeFailure(reason: "the generated path \(request.path) routes to \(verdict.routed?.endpoint.id ?? "no endpoint")")
                // A known value that names another endpoint's literal (`{transactionType}` = `change`): draw fresh ones.
                known = CapturePool()
                continue
            }
            if let first = verdict.violations.first(where: \.isError) {
                problem = ProbeFailure(reason: "the generated request breaks the contract: \(first)")
                continue
            }
            return .success((request, path))
        }
        return .failure(problem)
    }

    /// Why a probe could not be built.
    struct ProbeFailure: Error {
        var reason: String
    }

    /// The path parameter the locator probes change: the last ULID or locator one (the reference a list is of).
    static func probedLocator(of endpoint: Endpoint) -> String? {
        endpoint.parameters(in: .path).last { parameter in
            parameter.name != "tenantLocator"
                && [TypeRef.primitive(.ulid), .primitive(.locator)].contains(parameter.type.unwrapped)
        }?.name
    }

    /// Whether a negative probe has something to change on an endpoint: a tenant, a locator, or a token.
    static func applies(_ negative: NegativeProbe, to endpoint: Endpoint) -> Bool {
        switch negative {
        case .malformedTenant: return endpoint.path.parameterNames.contains("tenantLocator")
        case .malformedLocator, .unknownLocator: return probedLocator(of: endpoint) != nil
        case .noToken, .noPermission: return true
        }
    }

    /// Sends one negative probe, when it applies to the endpoint, and records the result.
    func probe(_ endpoint: Endpoint, negative: NegativeProbe, state: inout RunState) async {
        guard Self.applies(negative, to: endpoint),
              case .success(let built) = validRequest(for: endpoint, extended: false, captures: state.captures) else { return }
        var path = built.path
        var token = options.token
        switch negative {
        case .malformedTenant:
            guard path["tenantLocator"] != nil else { return }
            path["tenantLocator"] = Self.malformedTenant
        case .malformedLocator:
            guard let name = Self.probedLocator(of: endpoint) else { return }
            path[name] = Self.malformedLocator
        case .unknownLocator:
            guard let name = Self.probedLocator(of: endpoint) else { return }
            path[name] = Self.unknownLocator
        case .noToken:
            token = nil
        case .noPermission:
            token = options.tokenWithoutPermission
        }
        var request = factory.request(endpoint, path: path, query: [], body: nil, token: token,
                                      extraHeaders: [(NegativeProbe.header, negative.rawValue)])
        request.target = built.request.query.map { request.path + "?" + $0 } ?? request.path
        request.body = built.request.body
        if let contentType = built.request.headers["Content-Type"] { request.headers["Content-Type"] = contentType }
        guard case .routed(let routed) = checker.route(request), routed.endpoint.id == endpoint.id else { return }
        let exchange = await exchange(request, state: &state)
        let status = exchange.response.status.code
        var violations = exchange.responseCheck?.violations ?? []
        violations += negative.violations(endpoint: endpoint, status: status, body: exchange.body)
        state.append(CheckResult(origin: .negative(negative), name: negative.rawValue, endpointID: endpoint.id,
                                 method: request.method.rawValue, target: request.target, status: status, violations: violations,
                                 requestViolations: exchange.requestViolations,
                                 exchange: ExchangeRecord(request: request, response: exchange.response), nanoseconds: exchange.nanoseconds))
    }

}
