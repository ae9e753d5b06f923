import SuretyConformance
import SuretyHTTPCore
import SuretyJSON

/// Which secrets are replaced by ``marker`` before a recording is written: header values, query values, body values;
/// credential headers keep a fingerprint (`[redacted:1a2b3c4d]`) so requests with different credentials stay apart.
///
/// On by default for `Authorization`, `Proxy-Authorization`, `Cookie`, `Set-Cookie` and `X-Api-Key`, in requests
/// and responses alike. Body pointers apply to request and response bodies; `*` matches any key or index. Violations
/// whose `actual` quotes a redacted value are redacted too, so a secret reaches no byte of a recording.
public struct Redaction: Sendable, Hashable {
    /// What replaces a secret value.
    public static let marker = "[redacted]"
    /// The request headers that carry credentials: their redacted value keeps a fingerprint (`[redacted:1a2b3c4d]`), so
    /// a recording still tells requests made with different credentials apart (see ``CredentialKind``).
    public static let credentialHeaders = ["Authorization", "Proxy-Authorization", "X-Api-Key"]
    /// How many hex digits of FNV-1a a credential's fingerprint keeps: enough to tell a run's few tokens apart, too
    /// few to stand for the token (a guessable secret should not be used against a recorder anyway).
    public static let fingerprintDigits = 8
    /// The header fields redacted unless the caller says otherwise.
    public static let defaultHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key"]
    /// The defaults: the usual credential headers.
    public static let `default` = Redaction()
    /// Nothing redacted (for tests and trusted traffic).
    public static let none = Redaction(headers: [])

    /// Header field names, any case.
    public var headers: [String]
    /// Query parameter names, exact.
    public var queryParameters: [String]
    /// Locations in JSON bodies.
    public var bodyPointers: [PointerPattern]

    /// Creates a redaction; by default the usual credential headers and nothing else.
    public init(headers: [String] = Redaction.defaultHeaders, queryParameters: [String] = [], bodyPointers: [PointerPattern] = []) {
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
        result.request.query = exchange.request.query.map { item in
            guard item.value != nil, queryParameters.contains(item.name) else { return item }
            return HTTPQueryItem(name: item.name, value: Self.marker)
        }
        result.request.body = redact(exchange.request.body)
        result.response.headers = redact(exchange.response.headers)
        result.response.body = redact(exchange.response.body)
        result.violations = exchange.violations.map(redact)
        return result
    }

    /// Header fields with the values of redacted names replaced; credential headers keep a fingerprint.
    public func redact(_ fields: HTTPFields) -> HTTPFields {
        HTTPFields(fields.map { field in
            guard headers.contains(where: { field.hasName($0) }) else { return field }
            guard Self.credentialHeaders.contains(where: { field.hasName($0) }), field.value != Self.marker else {
                return HTTPField(name: field.name, value: Self.marker)
            }
            return HTTPField(name: field.name, value: "[redacted:" + Self.fingerprint(field.value) + "]")
        })
    }

    /// What a credential compares by: the fingerprint a redacted value kept, `redacted` for a bare marker (recordings
    /// made before fingerprints), else the first ``fingerprintDigits`` hex digits of FNV-1a over the value.
    public static func fingerprint(_ value: String) -> String {
        if value == marker { return "redacted" }
        if value.hasPrefix("[redacted:"), value.hasSuffix("]") { return String(value.dropFirst(10).dropLast()) }
        return StableHash(value.utf8).hex(digits: fingerprintDigits)
    }

    /// A body with every value at a redacted pointer replaced; a text body that parses as JSON is redacted as JSON.
    /// A redacted body is written compactly (the text received held the secret).
    public func redact(_ body: RecordedBody) -> RecordedBody {
        guard !bodyPointers.isEmpty else { return body }
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
        return changes == 0 ? body : .json(result)
    }

    /// A violation whose `actual` is replaced when it describes a redacted value.
    func redact(_ violation: Violation) -> Violation {
        var result = violation
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
