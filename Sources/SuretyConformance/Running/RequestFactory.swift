import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// Builds requests for probes and scenario steps: path values, required query parameters, a generated body and the
/// `Authorization` field, all drawn from seeded randomness.
package struct RequestFactory: Sendable {
    let contract: Contract
    let options: ConformanceRunner.Options
    let generator: ExampleGenerator
    let tenant: String
    /// The kinds of locator the contract's paths take, so that a path value is filled with a locator of its kind.
    let kinds: LocatorKinds

    init(contract: Contract, options: ConformanceRunner.Options) {
        self.kinds = LocatorKinds(contract: contract)
        self.contract = contract
        self.options = options
        self.generator = ExampleGenerator(schemas: contract.schemas, optional: .random, maxDepth: 2)
        self.tenant = options.effectiveTenant
    }

    /// A value for a path parameter: the tenant, a captured locator of the same name, the first locator of its kind
    /// the run has seen, or a seeded value of its type.
    func pathValue(_ name: String, of endpoint: Endpoint, captures: CapturePool, random: inout SeededRandom) -> String {
        let type = endpoint.parameters.first { $0.name == name && $0.position == .path }?.type.unwrapped ?? .primitive(.string)
        if name == "tenantLocator" || type == .primitive(.uuid) { return tenant }
        if let captured = captures.value(for: Self.captureKey(for: name, in: endpoint)), Self.fits(captured, type) { return captured }
        if let kind = kinds.pathKinds[endpoint.id]?[name], let seen = captures.sightings(of: kind).first(where: { Self.fits($0.value, type) }) {
            return seen.value
        }
        switch type {
        case .primitive(.ulid), .primitive(.locator): return ExampleGenerator.ulid(random: &random)
        case .primitive(.integer), .primitive(.number): return String(1 + random.below(9))
        case .enumeration(let values) where !values.isEmpty: return values[random.below(values.count)]
        default:
            if name.lowercased().hasSuffix("locator") { return ExampleGenerator.ulid(random: &random) }
            if name.lowercased().hasSuffix("number") { return String(1 + random.below(9)) }
            return ["alpha", "beta", "gamma", "delta"][random.below(4)]
        }
    }

    /// Whether a captured text can stand for a value of the parameter's type (a captured `"delta"` is no ULID).
    static func fits(_ text: String, _ type: TypeRef) -> Bool {
        guard !text.isEmpty, !text.contains("/") else { return false }
        switch type {
        case .primitive(.integer): return Int(text) != nil
        case .primitive(.number): return Double(text) != nil
        case .primitive(let primitive): return Formats.matches(text, primitive)
        case .enumeration(let values): return values.contains(text)
        default: return true
        }
    }

    /// The capture name a path parameter reads: `locator` after `transactions` reads `transactionLocator`; any
    /// other name reads itself.
    static func captureKey(for name: String, in endpoint: Endpoint) -> String {
        guard name == "locator" else { return name }
        let segments = endpoint.path.segments
        guard let index = segments.firstIndex(of: .parameter(name)), index > 0, case .literal(let word) = segments[index - 1] else {
            return name
        }
        return singular(word) + "Locator"
    }

    /// `policies` → `policy`, `transactions` → `transaction`; other words unchanged.
    package static func singular(_ word: String) -> String {
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("s") && !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }

    /// Every path value of an endpoint.
    func pathValues(for endpoint: Endpoint, given: [String: String] = [:], captures: CapturePool,
                    random: inout SeededRandom) -> [String: String] {
        var values: [String: String] = [:]
        for name in endpoint.path.parameterNames {
            values[name] = given[name] ?? pathValue(name, of: endpoint, captures: captures, random: &random)
        }
        return values
    }

    /// Values for the endpoint's required query parameters (objects as JSON text), plus `extended=true` when asked.
    func requiredQuery(for endpoint: Endpoint, extended: Bool, random: inout SeededRandom) -> [HTTPQueryItem] {
        var items: [HTTPQueryItem] = []
        for parameter in endpoint.parameters(in: .query) where parameter.isRequired {
            items += queryItems(parameter, random: &random)
        }
        if extended { items.append(HTTPQueryItem(name: "extended", value: "true")) }
        return items
    }

    func queryItems(_ parameter: Parameter, random: inout SeededRandom) -> [HTTPQueryItem] {
        let type = parameter.type.unwrapped
        if case .array(let element) = type {
            return (0..<(1 + random.below(2))).map { _ in
                HTTPQueryItem(name: parameter.name, value: Self.text(generator.example(of: element.unwrapped, random: &random)))
            }
        }
        return [HTTPQueryItem(name: parameter.name, value: Self.text(generator.example(of: type, random: &random)))]
    }

    /// A JSON value as parameter text: strings bare, everything else as compact JSON.
    static func text(_ value: JSONValue) -> String {
        if case .string(let string) = value { return string }
        return JSONWriter(style: .compact).string(value)
    }

    /// A generated body of the endpoint's request type; `{}` where the type is unspecified; nil for no body.
    func body(for endpoint: Endpoint, random: inout SeededRandom) -> JSONValue? {
        guard let type = endpoint.request?.type, type != .empty else { return nil }
        if type == .unspecified { return .object([]) }
        return generator.example(of: type.unwrapped, random: &random)
    }

    /// The request: method, expanded path, encoded query, `Accept`, the bearer token and a JSON body.
    func request(_ endpoint: Endpoint, path: [String: String], query: [HTTPQueryItem], body: JSONValue?,
                 token: String?, extraHeaders: [(String, String)] = []) -> HTTPRequest {
        let encodedPath = "/" + endpoint.path.segments.map { segment -> String in
            switch segment {
            case .literal(let text): return text
            case .parameter(let name): return PercentEncoding.encode(path[name] ?? "", allowing: PercentEncoding.pathSegment)
            }
        }.joined(separator: "/")
        let encodedQuery = query.map { item in
            PercentEncoding.encode(item.name, allowing: PercentEncoding.queryComponent)
                + (item.value.map { "=" + PercentEncoding.encode($0, allowing: PercentEncoding.queryComponent) } ?? "")
        }.joined(separator: "&")
        return request(method: endpoint.method, encodedTarget: encodedQuery.isEmpty ? encodedPath : encodedPath + "?" + encodedQuery,
                       body: body, token: token, extraHeaders: extraHeaders)
    }

    /// A request to an encoded target: `Accept: application/json`, the bearer token, the JSON body and the extra
    /// headers (each replacing one of the same name).
    func request(method: String, encodedTarget: String, body: JSONValue?, token: String?, extraHeaders: [(String, String)] = []) -> HTTPRequest {
        var headers = HTTPFields()
        headers.append(name: "Accept", value: "application/json")
        if let token { headers.append(name: "Authorization", value: "Bearer \(token)") }
        var bytes: [UInt8] = []
        if let body {
            headers.append(name: "Content-Type", value: "application/json")
            bytes = JSONWriter(style: .compact).bytes(body)
        }
        for (name, value) in extraHeaders {
            headers.removeAll(named: name)
            headers.append(name: name, value: value)
        }
        return HTTPRequest(method: HTTPMethod(method), target: encodedTarget, headers: headers, body: bytes)
    }
}
