extension AccessToken {
    /// The permission that opens Surety's admin routes (`/__surety/fixtures`, `reset`, `clock`, `violations`…).
    ///
    /// Only this exact name grants it: `*` and `surety.*` do not, so a tenant's all-permission token cannot add
    /// fixtures that give it every other tenant.
    public static let adminPermission = "surety.admin"

    /// Whether the token opens the admin routes.
    public var isAdmin: Bool { permissions.contains(Self.adminPermission) }
}
