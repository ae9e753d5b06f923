/// A request the backend must refuse (or, for some list endpoints, answer with an empty list); each can be switched off.
public enum NegativeProbe: String, Sendable, Hashable, CaseIterable, Comparable {
    /// `tenantLocator` is not a UUID: a 4xx.
    case malformedTenant = "malformed-tenant"
    /// The endpoint's locator is not a ULID: a 4xx.
    case malformedLocator = "malformed-locator"
    /// The endpoint's locator is well-formed but unknown: 404, or 200 with an empty list where the contract documents
    /// `unknownReference: emptyList`.
    case unknownLocator = "unknown-locator"
    /// No `Authorization` field although the run has a token: 401. Runs only with a token.
    case noToken = "no-token"
    /// A token without the endpoint's permission: 403. Runs only with such a token.
    case noPermission = "no-permission"

    /// What the probe expects, in words, for reports.
    public var expectation: String {
        switch self {
        case .malformedTenant: return "a 4xx for a tenantLocator that is not a UUID"
        case .malformedLocator: return "a 4xx for a locator that is not a ULID"
        case .unknownLocator: return "404 for an unknown locator"
        case .noToken: return "401 without an Authorization field"
        case .noPermission: return "403 for a token without the endpoint's permission"
        }
    }

    /// Orders probes as declared.
    public static func < (lhs: NegativeProbe, rhs: NegativeProbe) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
