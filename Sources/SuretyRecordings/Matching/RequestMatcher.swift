import SuretyConformance
import SuretyHTTPCore
import SuretyJSON

/// Computes the ``Key`` that decides which recording answers a request, with configurable ignores.
///
/// Requests match on method, endpoint (the contract's router decides, for recordings and live requests alike),
/// path parameters, query (order-independent, repeated names kept as a multiset) and body: JSON by semantic
/// equality (key order ignored, `1.0` equals `1`), other bodies byte for byte. Headers do not take part unless named
/// in ``Options/matchedHeaders``, because clients vary them freely and credentials in them are redacted.
public struct RequestMatcher: Sendable {
    /// What is ignored and what takes part.
    public struct Options: Sendable, Hashable {
        /// Query parameter names left out of the key.
        public var ignoredQueryParameters: Set<String>
        /// Locations in JSON bodies left out of the key; `*` matches any key or index.
        public var ignoredBodyPointers: [PointerPattern]
        /// Header names (any case) whose values take part in the key; none by default.
        public var matchedHeaders: [String]

        /// The secrets compared by their redacted form (``SecretPolicy/redacted(_:)``) on both sides, so a live
        /// request matches a recording made of it while a different token still misses.
        public var secrets: SecretPolicy

        /// Creates options; by default nothing is ignored and no header takes part.
        public init(ignoredQueryParameters: Set<String> = [], ignoredBodyPointers: [PointerPattern] = [], matchedHeaders: [String] = [],
                    secrets: SecretPolicy = .default) {
            self.secrets = secrets
            self.ignoredQueryParameters = ignoredQueryParameters
            self.ignoredBodyPointers = ignoredBodyPointers
            self.matchedHeaders = matchedHeaders
        }

        /// These options, also ignoring every value `redaction` replaces (recordings hold only the marker there).
        public func ignoringRedacted(by redaction: Redaction) -> Options {
            var options = self
            options.ignoredQueryParameters.formUnion(redaction.queryParameters)
            options.ignoredBodyPointers += redaction.bodyPointers
            options.secrets = redaction.policy
            options.matchedHeaders.removeAll { name in redaction.headers.contains { HTTPFields.namesEqual($0, name) } }
            return options
        }
    }

    /// Routes requests; nil keys every request by its path.
    public let checker: ExchangeChecker?
    /// The ignores in force.
    public let options: Options

    /// Creates a matcher.
    public init(checker: ExchangeChecker?, options: Options = Options()) {
        self.checker = checker
        self.options = options
    }

    /// The key of a live request.
    public func key(for request: HTTPRequest) -> Key {
        key(for: request, routing: checker?.route(request))
    }

    /// The key of a live request whose routing by this matcher's checker is already known (a serve stack routes once).
    public func key(for request: HTTPRequest, routing: Routing?) -> Key {
        var route = Key.Route.unrouted(path: request.path)
        var pathParameters: [Key.Pair] = []
        if checker != nil, case .routed(let routed) = routing {
            route = .endpoint(routed.endpoint.id)
            pathParameters = routed.pathParameters.map { Key.Pair(name: $0.key, value: $0.value) }.sorted()
        }
        let query = request.queryItems.filter { !options.ignoredQueryParameters.contains($0.name) }
            .map { Key.Pair(name: $0.name, value: redacted($0.name, $0.value)) }.sorted()
        var headers: [Key.Pair] = []
        for name in options.matchedHeaders {
            headers += request.headers.values(for: name).map { Key.Pair(name: name.lowercased(), value: redacted(name, $0)) }
        }
        return Key(method: request.method.rawValue, route: route, pathParameters: pathParameters, query: query,
                   headers: headers.sorted(), body: body(request.body))
    }

    /// A value as the key holds it: the redacted form when the name is secret.
    func redacted(_ name: String, _ value: String?) -> String? {
        guard let value, options.secrets.isSecret(name) else { return value }
        return SecretPolicy.redacted(value)
    }

    /// The key of a recorded request, routed again by the same router as live requests.
    public func key(for request: RecordedRequest) -> Key {
        key(for: request.httpRequest)
    }

    /// The normalised body: JSON whatever the content type says, else text, else bytes.
    func body(_ bytes: [UInt8]) -> Key.Body {
        guard !bytes.isEmpty else { return .none }
        if let document = try? JSONParser().parse(bytes) {
            var value = document.value()
            value = options.secrets.redact(value) ?? value
            for pattern in options.ignoredBodyPointers where !pattern.tokens.isEmpty {
                value = pattern.apply(to: value) { _ in nil }.0
            }
            return .json(Self.normalise(value))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(text.utf8) == bytes ? .text(text) : .binary(bytes)
    }

    /// Sorts members (keeping the last of repeated keys, as JSON Pointer resolution does) and writes numbers by value.
    static func normalise(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var last: [String: JSONValue] = [:]
            for member in members { last[member.key] = normalise(member.value) }
            return .object(last.map { JSONMember(key: $0.key, value: $0.value) }.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) })
        case .array(let elements):
            return .array(elements.map(normalise))
        case .number(let number):
            if number.isIntegral, let integer = number.intValue { return .integer(integer) }
            let double = number.doubleValue
            return double.isFinite ? .number(JSONNumber(literal: "\(double)")) : value
        default:
            return value
        }
    }
}
