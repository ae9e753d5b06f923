/// Which names hold secrets, the one policy every output of an exchange applies: recordings, HAR exports, request
/// logs, the violation list, check and diff reports.
///
/// A name is secret when it is one of ``credentialNames`` or contains one of ``secretNameParts`` (any case), or was
/// added (`--redact`), and was not exempted (`--keep`). The policy applies to header fields, query parameters and
/// JSON members at any depth. A redacted value keeps its shape for matching: `[redacted:1a2b3c4d]`, a stable hash of
/// the value, so two tokens still differ after redaction and the same token is the same everywhere.
public struct SecretPolicy: Sendable, Hashable {
    /// What replaces a secret value whose fingerprint is not kept (a value a violation quotes).
    public static let marker = "[redacted]"
    /// How many hex digits of FNV-1a a fingerprint keeps: enough to tell a run's few tokens apart, too few to stand
    /// for the token (a guessable secret should not be used against a recorder anyway).
    public static let fingerprintDigits = 8
    /// Names that are credentials as a whole, any case.
    public static let credentialNames: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"]
    /// A name containing one of these, any case, holds a secret (`X-Auth-Token`, `access_token`, `apiKey`, `password`).
    public static let secretNameParts = ["token", "secret", "key", "password", "auth"]
    /// The default: every name the rules above call secret.
    public static let `default` = SecretPolicy()
    /// Nothing redacted (tests and trusted traffic).
    public static let none = SecretPolicy(enabled: false)

    /// Whether the built-in rules apply; the added names apply either way.
    public var enabled: Bool
    /// Names also redacted (`--redact NAME`), any case.
    public var added: Set<String>
    /// Names exempted (`--keep NAME`), any case, even when a built-in rule calls them secret.
    public var kept: Set<String>

    /// Creates a policy.
    public init(enabled: Bool = true, added: Set<String> = [], kept: Set<String> = []) {
        self.enabled = enabled
        self.added = Set(added.map { $0.lowercased() })
        self.kept = Set(kept.map { $0.lowercased() })
    }

    /// Adds a name to redact.
    public mutating func redact(name: String) { added.insert(name.lowercased()) }
    /// Exempts a name.
    public mutating func keep(name: String) { kept.insert(name.lowercased()) }

    /// Whether a header, query parameter or JSON member of this name holds a secret.
    public func isSecret(_ name: String) -> Bool {
        let lowered = name.lowercased()
        if kept.contains(lowered) { return false }
        if added.contains(lowered) { return true }
        guard enabled else { return false }
        return Self.credentialNames.contains(lowered) || Self.secretNameParts.contains { lowered.contains($0) }
    }

    /// The redacted form of a value: `[redacted:` and its ``fingerprint(_:)`` `]`; a redacted value stays as it is.
    public static func redacted(_ value: String) -> String {
        isRedacted(value) ? value : "[redacted:" + fingerprint(value) + "]"
    }

    /// Whether a value is already a redaction marker.
    public static func isRedacted(_ value: String) -> Bool {
        value == marker || (value.hasPrefix("[redacted:") && value.hasSuffix("]"))
    }

    /// What a credential compares by: the fingerprint a redacted value kept, `redacted` for a bare marker, else the
    /// first ``fingerprintDigits`` hex digits of FNV-1a over the value.
    public static func fingerprint(_ value: String) -> String {
        if value == marker { return "redacted" }
        if value.hasPrefix("[redacted:"), value.hasSuffix("]") { return String(value.dropFirst(10).dropLast()) }
        return StableHash(value.utf8).hex(digits: fingerprintDigits)
    }
}
