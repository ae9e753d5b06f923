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

    /// Whether the token may act in a tenant.
    public func holds(tenant: String) -> Bool {
        tenants.contains("*") || tenants.contains { $0.lowercased() == tenant.lowercased() }
    }

    /// Whether any one of the qualified permissions is granted (`semantics.md` §4.5: any one suffices).
    public func grantsAny(of required: [String]) -> Bool {
        required.contains { permission in
            let group = permission.split(separator: ".").first.map(String.init) ?? permission
            return permissions.contains(permission) || permissions.contains("\(group).*") || permissions.contains("*")
        }
    }
}
