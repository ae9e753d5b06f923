import SuretyHTTPCore

/// What credentials a recorded request carried, relative to its recording: none, the run's token, or another one.
///
/// The run's token is the credential most requests of a recording carry (the first seen among equals); any other is
/// another token, so a no-permission probe pairs with its counterpart in a second recording made with fresh tokens.
/// Credentials are compared by ``Redaction/fingerprint(_:)``, so a redacted recording classifies as the live traffic did.
public enum CredentialKind: String, Sendable, Hashable, CaseIterable {
    /// No credential header.
    case none
    /// The credential most requests of the recording carry.
    case token
    /// A credential other than the recording's usual one.
    case otherToken = "other-token"

    /// The kind of each request, in order.
    public static func classify(_ requests: [RecordedRequest]) -> [CredentialKind] {
        let prints = requests.map { fingerprint(of: $0.headers) }
        var counts: [String: (count: Int, first: Int)] = [:]
        for (index, print) in prints.enumerated() {
            guard let print else { continue }
            counts[print, default: (0, index)].count += 1
        }
        let usual = counts.min { lhs, rhs in
            lhs.value.count != rhs.value.count ? lhs.value.count > rhs.value.count : lhs.value.first < rhs.value.first
        }?.key
        return prints.map { print in print == nil ? .none : print == usual ? .token : .otherToken }
    }

    /// The fingerprints of a request's credential headers joined, or nil when it carries none.
    static func fingerprint(of headers: HTTPFields) -> String? {
        var prints: [String] = []
        for name in Redaction.credentialHeaders {
            prints += headers.values(for: name).map { name.lowercased() + "=" + Redaction.fingerprint($0) }
        }
        return prints.isEmpty ? nil : prints.joined(separator: ",")
    }
}
