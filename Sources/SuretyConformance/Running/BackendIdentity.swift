import SuretyJSON

/// What a backend says of itself on `GET /__surety/health`: a Surety server answers with `"server": "surety"`, its
/// mode, and whether it holds the emulator's documented built-in fixtures (their tenant and tokens are public, so
/// saying so reveals nothing); anything else is a backend Surety did not make.
public struct BackendIdentity: Sendable, Hashable {
    /// The built-in fixtures' documented credentials, as the health route names them.
    public struct BuiltInFixtures: Sendable, Hashable {
        /// The tenant every built-in scenario uses.
        public var tenant: String
        /// The token holding every permission on that tenant.
        public var token: String
        /// The token holding the tenant but no permission.
        public var tokenWithoutPermission: String?
        /// The documented built-in token that opens the admin routes (`/__surety/reset`, `clock`, `fixtures`…).
        public var adminToken: String?

        /// Creates the credentials.
        public init(tenant: String, token: String, tokenWithoutPermission: String?, adminToken: String? = nil) {
            self.tenant = tenant
            self.token = token
            self.tokenWithoutPermission = tokenWithoutPermission
            self.adminToken = adminToken
        }
    }

    /// The server's mode (`mock`, `emulate`, `proxy`, `record`, `replay`), or nil for a backend that is not Surety's.
    public var suretyMode: String?
    /// The built-in fixtures' credentials, when the server is an emulator holding them.
    public var builtInFixtures: BuiltInFixtures?
    /// Whether the emulator holds fixtures other than the built-in ones.
    public var customFixtures: Bool

    /// A backend Surety did not make.
    public static let foreign = BackendIdentity(suretyMode: nil, builtInFixtures: nil, customFixtures: false)

    /// Creates an identity.
    public init(suretyMode: String?, builtInFixtures: BuiltInFixtures?, customFixtures: Bool) {
        self.suretyMode = suretyMode
        self.builtInFixtures = builtInFixtures
        self.customFixtures = customFixtures
    }

    /// Reads a health answer: a Surety server when the status is 200 and the body says `"server": "surety"`.
    public init(healthStatus status: Int, body: [UInt8]) {
        guard status == 200, let value = try? JSONParser().parse(body).value(), value["server"]?.stringValue == SuretyRoutes.serverName,
              let mode = value["mode"]?.stringValue else {
            self = .foreign
            return
        }
        var builtIn: BuiltInFixtures?
        if let fixtures = value["builtInFixtures"], let tenant = fixtures["tenant"]?.stringValue, let token = fixtures["token"]?.stringValue {
            builtIn = BuiltInFixtures(tenant: tenant, token: token, tokenWithoutPermission: fixtures["tokenWithoutPermission"]?.stringValue,
                                      adminToken: fixtures["adminToken"]?.stringValue)
        }
        self.init(suretyMode: mode, builtInFixtures: builtIn, customFixtures: value["fixtures"]?.stringValue == "custom")
        requiresToken = value["requiresToken"]?.boolValue ?? true
    }

    /// Whether the server refuses a request without a bearer token (`surety serve --no-auth` does not); a run sends
    /// none, and skips the `no-token` probe, where it does not.
    public var requiresToken = true

    /// The health member that says whether requests need a bearer token.
    public static func tokenMember(required: Bool) -> JSONMember {
        JSONMember(key: "requiresToken", value: .bool(required))
    }

    /// Whether the backend is a Surety server.
    public var isSurety: Bool { suretyMode != nil }
    /// Whether the data behind the server is Surety's own (a mock, an emulator, a replay of recordings), so that writes
    /// and admin routes touch nothing of anyone's. A proxy or recorder stands in front of someone else's backend, so a
    /// run treats it as it treats the backend it stands for (unless that is itself Surety's: the recorder then
    /// forwards the health question). Against a replay, give the recorded run's `--read-only` or `--allow-writes`.
    public var ownsData: Bool { ["mock", "emulator", "replay"].contains(suretyMode ?? "") }

    /// The health members an emulator holding the built-in fixtures answers with.
    public static func healthMembers(builtIn: BuiltInFixtures?) -> [JSONMember] {
        guard let builtIn else { return [JSONMember(key: "fixtures", value: "custom")] }
        var credentials: [JSONMember] = [JSONMember(key: "tenant", value: .string(builtIn.tenant)),
                                         JSONMember(key: "token", value: .string(builtIn.token))]
        if let other = builtIn.tokenWithoutPermission { credentials.append(JSONMember(key: "tokenWithoutPermission", value: .string(other))) }
        if let admin = builtIn.adminToken { credentials.append(JSONMember(key: "adminToken", value: .string(admin))) }
        return [JSONMember(key: "fixtures", value: "built-in"), JSONMember(key: "builtInFixtures", value: .object(credentials))]
    }
}
