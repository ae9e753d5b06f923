import SuretyConformance
import SuretyHTTPCore
import SuretyJSON

/// Which secrets are replaced before a recording or HAR export is written: the shared ``SecretPolicy`` (credential
/// headers, and headers, query parameters and JSON members whose names hold `token`, `secret`, `key`, `password` or
/// `auth`, at any depth) plus the explicit `--redact` rules; every redacted value keeps a fingerprint
/// (`[redacted:1a2b3c4d]`) so requests with different credentials stay apart.
///
/// Rules apply to requests and responses alike. Body pointers apply to request and response bodies; `*` matches any
/// key or index and the value becomes ``marker``. Violations whose `actual` quotes a redacted value are redacted too,
/// so a secret reaches no byte of a recording.
public struct Redaction: Sendable, Hashable {
    /// What replaces a secret value.
    public static let marker = SecretPolicy.marker
    /// The request headers that carry credentials: their redacted value keeps a fingerprint (`[redacted:1a2b3c4d]`), so
    /// a recording still tells requests made with different credentials apart (see ``CredentialKind``).
    public static let credentialHeaders = ["Authorization", "Proxy-Authorization", "X-Api-Key"]
    /// How many hex digits of FNV-1a a credential's fingerprint keeps: enough to tell a run's few tokens apart, too
    /// few to stand for the token (a guessable secret should not be used against a recorder anyway).
    public static let fingerprintDigits = SecretPolicy.fingerprintDigits
    /// The header fields redacted unless the caller says otherwise.
    public static let defaultHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key"]
    /// The defaults: the usual credential headers.
    public static let `default` = Redaction()
    /// Nothing redacted (for tests and trusted traffic).
    public static let none = Redaction(headers: [], policy: .none)

    /// Header field names, any case.
    public var headers: [String]
    /// Query parameter names, exact.
    public var queryParameters: [String]
    /// Locations in JSON bodies.
    public var bodyPointers: [PointerPattern]
    /// The names redacted wherever they occur, and those kept (`--keep`).
    public var policy: SecretPolicy

    /// Creates a redaction; by default the usual credential headers and the default ``SecretPolicy``.
    public init(headers: [String] = Redaction.defaultHeaders, queryParameters: [String] = [], bodyPointers: [PointerPattern] = [],
                policy: SecretPolicy = .default) {
        self.policy = policy
        self.headers = headers
        self.queryParameters = queryParameters
        self.bodyPointers = bodyPointers
    }

    /// A `--redact` value that is not `header:NAME`, `query:NAME` or `body:/pointer`.
    public enum SpecError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The rule as given, which has no known prefix or no name after it.
        case malformed(String)

        /// The problem in words.
        public var description: String {
            switch self {
            case .malformed(let spec):
                return "invalid --redact \"\(spec.prefix(80))\": expected header:NAME, query:NAME or body:/json/pointer"
            }
        }
    }

    /// Adds one rule from its command-line form: `header:X-Token`, `query:api_key` or `body:/credentials/*/secret`.
    public mutating func add(_ spec: String) throws(SpecError) {
        guard let colon = spec.firstIndex(of: ":") else { throw .malformed(spec) }
        let kind = spec[..<colon]
        let rest = String(spec[spec.index(after: colon)...])
        guard !rest.isEmpty else { throw .malformed(spec) }
        switch kind {
        case "header": headers.append(rest)
        case "query": queryParameters.append(rest)
        case "body":
            guard let pattern = PointerPattern(parsing: rest), !pattern.tokens.isEmpty else { throw .malformed(spec) }
            bodyPointers.append(pattern)
        default: throw .malformed(spec)
        }
    }

    /// The exchange with every configured secret replaced by ``marker``.
    public func redact(_ exchange: Exchange) -> Exchange {
        var result = exchange
        result.request.headers = redact(exchange.request.headers)
        result.request.query = namePolicy.redact(exchange.request.query)
        result.request.body = redact(exchange.request.body)
        result.response.headers = redact(exchange.response.headers)
        result.response.body = redact(exchange.response.body)
        result.violations = exchange.violations.map(redact)
        return result
    }

    /// Header fields with the values of redacted names replaced by their fingerprinted form.
    public func redact(_ fields: HTTPFields) -> HTTPFields {
        namePolicy.redact(fields)
    }

    /// The policy with the `header:` and `query:` names added: what request logs and the violation list apply.
    public var namePolicy: SecretPolicy {
        var names = policy
        for name in headers + queryParameters { names.redact(name: name) }
        return names
    }

    /// Exempts a name from every rule (`--keep NAME`): the value is written as received.
    public mutating func keep(_ name: String) {
        policy.keep(name: name)
    }

    /// What a credential compares by (``SecretPolicy/fingerprint(_:)``).
    public static func fingerprint(_ value: String) -> String {
        SecretPolicy.fingerprint(value)
    }

    /// A body with every value at a redacted pointer replaced; a text body that parses as JSON is redacted as JSON.
    /// A redacted body is written compactly (the text received held the secret).
    public func redact(_ body: RecordedBody) -> RecordedBody {
        let value: JSONValue
        switch body {
        case .json(let json), .formattedJSON(let json, _): value = json
        case .text(let text):
            guard let document = try? JSONParser().parse(text) else { return body }
            value = document.value()
        case .empty, .binary: return body
        }
        var changes = 0
        var result = value
        for pattern in bodyPointers {
            let (changed, count) = pattern.apply(to: result) { _ in .string(Self.marker) }
            result = changed
            changes += count
        }
        if let named = policy.redact(result) {
            result = named
            changes += 1
        }
        return changes == 0 ? body : .json(result)
    }

    /// A violation whose `actual` is replaced when it describes a redacted value.
    func redact(_ violation: Violation) -> Violation {
        var result = policy.redact(violation)
        let first = violation.pointer.tokens.first
        switch violation.part {
        case .header, .responseHeader:
            if let first, headers.contains(where: { HTTPFields.namesEqual($0, first) }) { result.actual = Self.marker }
        case .query:
            if let first, queryParameters.contains(first) { result.actual = Self.marker }
        case .body, .responseBody:
            if bodyPointers.contains(where: { $0.covers(violation.pointer) || PointerPattern(violation.pointer).covers(JSONPointer(tokens: $0.tokens)) }) {
                result.actual = Self.marker
            }
        case .path, .status:
            break
        }
        return result
    }
}
