import SuretyHTTPCore

/// A bearer token from the fixtures: the user it stands for, the tenants it holds and its permissions.
///
/// A permission is `<group>.<permission>`; `<group>.*` grants a whole group and `*` everything. A tenant entry `*`
/// holds every tenant (the platform's `admin` role, `semantics.md` §4.5).
public struct AccessToken: Sendable, Hashable {
    /// The token text sent after `Bearer `.
    public var token: String
    /// The user's UUID, written as `createdBy`.
    public var userLocator: String
    /// Tenant UUIDs it may act in, or `*`.
    public var tenants: [String]
    /// Qualified permissions.
    public var permissions: [String]

    /// Creates a token.
    public init(token: String, userLocator: String, tenants: [String], permissions: [String]) {
        self.token = token
        self.userLocator = userLocator
        self.tenants = tenants
        self.permissions = permissions
    }

    /// Whether the token may act in a tenant (its UUID compared without regard to case).
    public func holds(tenant: String) -> Bool {
        tenants.contains { $0 == "*" || HTTPFields.namesEqual($0, tenant) }
    }

    /// Whether any one of the qualified permissions is granted (`semantics.md` §4.5: any one suffices).
    public func grantsAny(of required: [String]) -> Bool {
        // Read without building a string: this runs on every request.
        required.contains { permission in
            // The group is the first non-empty dot-separated part, or the whole permission when it has none.
            let rest = permission.drop { $0 == "." }
            let group = rest.isEmpty ? permission[...] : rest[..<(rest.firstIndex(of: ".") ?? rest.endIndex)]
            return permissions.contains { granted in
                granted == "*" || granted == permission
                    || (granted.hasSuffix(".*") && granted.dropLast(2) == group)
            }
        }
    }
}
