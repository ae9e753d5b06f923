import SuretyHTTPCore

/// What a report shows of one exchange: the request with its credentials redacted and both bodies cut to a bound,
/// so a user can see what was sent and what explained the answer, and rerun it with `curl`.
public struct ExchangeRecord: Sendable, Hashable {
    /// The most bytes of a body a report shows; longer bodies end with `…(N more bytes)`.
    public static let maxShownBodyBytes = 2_048

    /// The request's method.
    public var method: String
    /// The request's target (path and query).
    public var target: String
    /// The request's header fields, secrets redacted (``SecretPolicy``).
    public var requestHeaders: [HTTPField]
    /// The request body as text, cut to ``maxShownBodyBytes``.
    public var requestBody: String?
    /// The response status.
    public var status: Int
    /// The response body as text, cut to ``maxShownBodyBytes``.
    public var responseBody: String?

    /// Keeps what a report shows of `request` and `response`, their secrets redacted by `policy`.
    public init(request: HTTPRequest, response: HTTPResponse, policy: SecretPolicy = .default) {
        method = request.method.rawValue
        target = policy.redact(target: request.target)
        requestHeaders = policy.redact(request.headers).fields
        requestBody = Self.shown(policy.redact(body: request.body))
        status = response.status.code
        responseBody = Self.shown(policy.redact(body: response.body))
    }

    /// A body as text, cut to ``maxShownBodyBytes``; nil when empty.
    static func shown(_ body: [UInt8]) -> String? {
        guard !body.isEmpty else { return nil }
        guard body.count > maxShownBodyBytes else { return String(decoding: body, as: UTF8.self) }
        return String(decoding: body.prefix(maxShownBodyBytes), as: UTF8.self) + "…(\(body.count - maxShownBodyBytes) more bytes)"
    }

    /// A `curl` command that sends the request again to `baseURL`, with credentials left as shell variables
    /// (`$SURETY_TOKEN` for the bearer token) so the command can be pasted without a secret in it.
    public func curl(baseURL: String) -> String {
        var parts = ["curl", "-sS", "-X", method, Self.quoted(baseURL.trimmingSuffix("/") + target)]
        for field in requestHeaders {
            if field.name.lowercased() == "authorization", SecretPolicy.isRedacted(field.value) {
                parts += ["-H", "\"Authorization: Bearer $SURETY_TOKEN\""]
            } else {
                parts += ["-H", Self.quoted("\(field.name): \(field.value)")]
            }
        }
        if let requestBody { parts += ["--data-binary", Self.quoted(requestBody)] }
        return parts.joined(separator: " ")
    }

    /// Single-quotes a word for a POSIX shell.
    static func quoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
