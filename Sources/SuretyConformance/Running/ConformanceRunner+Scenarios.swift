import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

extension ConformanceRunner {
    /// Runs a scenario's steps in order; a step whose references were not captured is skipped with the reason. An
    /// admin step (``Scenario/Target/admin(method:path:)``) is sent as written and judged by its expectations only.
    func run(_ scenario: Scenario, state: inout RunState) async {
        var values: [String: JSONValue] = [:]
        var missing: [String: String] = [:]
        var random = SeededRandom(seed: options.seed, key: "scenario:\(scenario.name)")
        // Built-in references draw from their own stream, so filling values and rendering references never overlap.
        var referenceRandom = SeededRandom(seed: options.seed, key: "scenario-references:\(scenario.name)")
        for (index, step) in scenario.steps.enumerated() {
            let name = "scenario \(scenario.name): \(step.name)"
            let origin = CheckResult.Origin.scenario(name: scenario.name, step: index)
            let endpoint = resolve(step.target)
            let admin: (method: String, path: String)?
            if case .admin(let method, let path) = step.target { admin = (method, path) } else { admin = nil }
            if endpoint == nil && admin == nil {
                state.append(CheckResult(origin: origin, name: name, endpointID: nil, method: "", target: step.target.description,
                                         status: nil, skipped: "the contract has no endpoint \(step.target)"))
                continue
            }
            var unresolved: String?
            let pool = state.captures
            let kinds = locatorKinds
            let lookup: (String) -> JSONValue? = { reference in
                switch reference {
                case "tenantLocator": return .string(factory.tenant)
                case "$ulid": return .string(ExampleGenerator.ulid(random: &referenceRandom))
                case "$uuid": return .string(ExampleGenerator.uuid(random: &referenceRandom))
                default:
                    guard let value = values[reference] ?? Self.known(reference, pool: pool, kinds: kinds) else {
                        if unresolved == nil { unresolved = missing[reference] ?? "{{\(reference)}} has no value" }
                        return nil
                    }
                    return value
                }
            }
            let request = endpoint.map { buildRequest(step, endpoint: $0, lookup: lookup, random: &random, captures: state.captures) }
                ?? admin.flatMap { buildAdminRequest(step, method: $0.method, path: $0.path, lookup: lookup) }
            let expected = step.expectation.values.map { ($0.pointer, Self.render($0.value, lookup)) }
            let method = endpoint?.method ?? admin?.method ?? ""
            let template = endpoint?.path.text ?? admin?.path ?? ""
            guard let request, unresolved == nil, expected.allSatisfy({ $0.1 != nil }) else {
                state.append(CheckResult(origin: origin, name: name, endpointID: endpoint?.id, method: method,
                                         target: template, status: nil, skipped: unresolved ?? "a reference has no value"))
                for capture in step.captures {
                    values[capture.name] = nil
                    missing[capture.name] = "{{\(capture.name)}} was not captured: step \"\(step.name)\" was skipped"
                }
                continue
            }
            let exchange: Exchange
            if endpoint != nil {
                exchange = await self.exchange(request, state: &state)
            } else {
                state.countRequest()
                let started = now()
                let response = await backend.respond(to: request)
                exchange = Exchange(response: response, routed: nil, requestViolations: [], body: try? JSONParser().parse(response.body).value(),
                                    nanoseconds: now() &- started)
            }
            let status = exchange.response.status.code
            var violations = (exchange.responseCheck?.violations ?? [])
                + Self.unmet(step.expectation, expected: expected, status: status, body: exchange.body)
            // A step that says nothing of its status is a request meant to succeed, judged like a probe's.
            var unreached: String?
            let ownCredentials = step.headers.contains { $0.name.lowercased() == "authorization" }
            if let endpoint, step.expectation.statuses.isEmpty, !ownCredentials {
                let path = exchange.routed?.pathParameters ?? [:]
                let given = Set(step.pathValues.map(\.name))
                let values = endpoint.path.parameterNames.map { name in
                    let kind = locatorKinds.pathKinds[endpoint.id]?[name]
                    let value = path[name] ?? ""
                    // A value the step names, or one the run saw, was handed out; any other the runner made up.
                    let handedOut = given.contains(name) || name == "tenantLocator" || kind.map { pool.isKnown(value, kind: $0) } ?? false
                        || pool.value(for: RequestFactory.captureKey(for: name, in: endpoint)) == value
                    return ValidAnswer.PathValue(name: name, value: value, kind: kind, source: handedOut ? "scenario \(scenario.name)" : nil)
                }
                let answer = ValidAnswer(endpoint: endpoint, status: status, values: values, hasToken: options.token != nil,
                                         problemText: Self.problemText(exchange.body))
                violations += answer.violations
                unreached = answer.unreached
            }
            Self.capture(step, status: status, body: exchange.body, values: &values, missing: &missing, pool: &state.captures)
            if let endpoint, endpoint.documents(status: status), (200...299).contains(status) {
                state.markReached(endpoint.id, how: "scenario \(scenario.name), step \"\(step.name)\"")
            }
            var result = CheckResult(origin: origin, name: name, endpointID: endpoint?.id, method: request.method.rawValue,
                                     target: request.target, status: status, violations: violations,
                                     requestViolations: exchange.requestViolations, unreached: unreached,
                                     exchange: ExchangeRecord(request: request, response: exchange.response), nanoseconds: exchange.nanoseconds)
            result.location = step.location
            state.append(result)
            if state.stopped { return }
        }
    }

    /// A reference no step captured, from what the run knows: a `--var` or a locator of the kind its name says
    /// (`policyLocator` → the first policy seen).
    static func known(_ reference: String, pool: CapturePool, kinds: LocatorKinds) -> JSONValue? {
        if let value = pool.value(for: reference) { return .string(value) }
        return kinds.memberKind(reference).flatMap { pool.sightings(of: $0).first }.map { .string($0.value) }
    }

    /// The step's expectations a response does not meet: its status, and each expected body value.
    static func unmet(_ expectation: Scenario.Expectation, expected: [(JSONPointer, JSONValue?)], status: Int, body: JSONValue?) -> [Violation] {
        var violations: [Violation] = []
        if !expectation.statuses.isEmpty, !expectation.statuses.contains(status) {
            let allowed = expectation.statuses.map(String.init).joined(separator: " or ")
            violations.append(Violation(part: .status, rule: .expectedStatus, expected: allowed, actual: String(status)))
        }
        for (pointer, value) in expected {
            guard let value else { continue }
            let actual = body.flatMap { pointer.resolve(in: $0) }
            if let actual, equal(actual, value) { continue }
            violations.append(Violation(part: .responseBody, pointer: pointer, rule: .expectedValue,
                                        expected: JSONWriter(style: .compact).string(value),
                                        actual: actual.map { ValidationIssue.bounded(JSONWriter(style: .compact).string($0)) } ?? "absent"))
        }
        return violations
    }

    /// Keeps the step's captures from a response body for later steps, or the reason each has no value.
    static func capture(_ step: Scenario.Step, status: Int, body: JSONValue?, values: inout [String: JSONValue],
                        missing: inout [String: String], pool: inout CapturePool) {
        for capture in step.captures {
            if let value = body.flatMap({ capture.pointer.resolve(in: $0) }), value != .null {
                values[capture.name] = value
                if case .string(let text) = value { pool.set(capture.name, text) }
            } else {
                values[capture.name] = nil
                missing[capture.name] = "{{\(capture.name)}} was not captured: step \"\(step.name)\" answered \(status) without \(capture.pointer)"
            }
        }
    }

    func resolve(_ target: Scenario.Target) -> Endpoint? {
        switch target {
        case .endpoint(let id): return contract.endpoint(id: id)
        case .route(let method, let path): return contract.endpoints.first { $0.method == method && $0.path.text == path }
        case .admin: return nil
        }
    }

    /// An admin step's request: its route as written, the run's token, the step's headers and body rendered; nil when
    /// a reference has no value.
    func buildAdminRequest(_ step: Scenario.Step, method: String, path: String, lookup: (String) -> JSONValue?) -> HTTPRequest? {
        guard let headers = Self.headers(of: step, lookup) else { return nil }
        var body: JSONValue?
        if let template = step.body {
            guard let rendered = Self.render(template, lookup) else { return nil }
            body = rendered
        }
        return factory.request(method: method, encodedTarget: path, body: body, token: options.adminToken ?? options.token, extraHeaders: headers)
    }

    /// The step's request: given values rendered, the rest filled like a probe's; nil when a reference has no value.
    func buildRequest(_ step: Scenario.Step, endpoint: Endpoint, lookup: (String) -> JSONValue?,
                      random: inout SeededRandom, captures: CapturePool) -> HTTPRequest? {
        func text(_ template: TemplateString) -> String? {
            template.render { lookup($0).map(RequestFactory.text) }
        }
        var given: [String: String] = [:]
        for field in step.pathValues {
            guard let value = text(field.value) else { return nil }
            given[field.name] = value
        }
        let path = factory.pathValues(for: endpoint, given: given, captures: captures, random: &random)
        var query: [HTTPQueryItem] = []
        for field in step.query {
            guard let value = text(field.value) else { return nil }
            query.append(HTTPQueryItem(name: field.name, value: value))
        }
        let givenNames = Set(step.query.map(\.name))
        for parameter in endpoint.parameters(in: .query) where parameter.isRequired && !givenNames.contains(parameter.name) {
            query += factory.queryItems(parameter, random: &random)
        }
        guard let headers = Self.headers(of: step, lookup) else { return nil }
        var body: JSONValue?
        if let template = step.body {
            guard let rendered = Self.render(template, lookup) else { return nil }
            body = rendered
        } else if let type = endpoint.request?.type, !type.isOptional, type != .unspecified {
            body = factory.body(for: endpoint, random: &random)
        }
        return factory.request(endpoint, path: path, query: query, body: body, token: options.token, extraHeaders: headers)
    }

    /// The step's extra header fields rendered; nil when a reference has no value.
    static func headers(of step: Scenario.Step, _ lookup: (String) -> JSONValue?) -> [(String, String)]? {
        var headers: [(String, String)] = []
        for field in step.headers {
            guard let value = field.value.render({ lookup($0).map(RequestFactory.text) }) else { return nil }
            headers.append((field.name, value))
        }
        return headers
    }

    /// A JSON value with its string leaves rendered: `"{{x}}"` alone becomes the captured value, typed.
    static func render(_ value: JSONValue, _ lookup: (String) -> JSONValue?) -> JSONValue? {
        switch value {
        case .string(let string):
            let template = TemplateString(string)
            if let reference = template.soleReference { return lookup(reference) }
            return template.render { lookup($0).map(RequestFactory.text) }.map(JSONValue.string)
        case .array(let elements):
            var rendered: [JSONValue] = []
            for element in elements {
                guard let value = render(element, lookup) else { return nil }
                rendered.append(value)
            }
            return .array(rendered)
        case .object(let members):
            var rendered: [JSONMember] = []
            for member in members {
                guard let value = render(member.value, lookup) else { return nil }
                rendered.append(JSONMember(key: member.key, value: value))
            }
            return .object(rendered)
        case .null, .bool, .number:
            return value
        }
    }

    /// JSON equality with numbers compared by value, RFC 3339 datetimes by instant (`…00Z` equals `…00.000000Z`), and
    /// object members in any order.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)) where a != b:
            guard let first = Timestamp(rfc3339: a), let second = Timestamp(rfc3339: b) else { return false }
            return first == second
        case (.number(let a), .number(let b)): return a.literal == b.literal || a.doubleValue == b.doubleValue
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { member in b.contains { $0.key == member.key && equal($0.value, member.value) } }
        default: return lhs == rhs
        }
    }
}
