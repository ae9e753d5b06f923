import SuretyJSON
import SuretySchemas

/// Start-up data: tenants with their products, accounts, quotes and policies, and the tokens that may use them.
///
/// The API part emulated here cannot create accounts, quotes or policies, so they come from fixtures: the
/// built-in ``builtIn`` set, a file (`--fixtures FILE.json`, read by ``load(bytes:file:)``) and ``EmulatedBackend/addFixtures(_:)``
/// at run time. The file's format is documented on ``FixtureReader``.
public struct EmulatorFixtures: Sendable, Hashable {
    /// One tenant and everything it owns.
    public struct Tenant: Sendable, Hashable {
        /// The tenant's UUID.
        public var locator: String
        /// Its name.
        public var name: String
        /// Its products.
        public var products: [Product]
        /// Its accounts.
        public var accounts: [Account]
        /// Its quotes.
        public var quotes: [Quote]
        /// Its policies, each issued by an issuance transaction when loaded.
        public var policies: [PolicySeed]
        /// Its jobs (see ``FixtureReader``'s jobs format).
        public var jobs: [JobSeed] = []
        /// Its job settings; the defaults when nil.
        public var jobSettings: JobSettings? = nil
    }

    /// A policy to create, with the element tree its issuance puts in force over its first term.
    public struct PolicySeed: Sendable, Hashable {
        /// The policy's locator; generated when nil.
        public var locator: String?
        /// The account.
        public var accountLocator: String
        /// The product's name.
        public var productName: String
        /// The first term's start.
        public var startTime: Timestamp
        /// The first term's end.
        public var endTime: Timestamp
        /// The time zone; the product's when nil.
        public var timeZone: String?
        /// The currency; the product's when nil.
        public var currency: String?
        /// The duration basis; the product's when nil.
        public var durationBasis: DurationBasis?
        /// The element tree.
        public var element: ElementSeed
    }

    /// An element of a seeded policy.
    public struct ElementSeed: Sendable, Hashable {
        /// The type.
        public var type: String
        /// The data object.
        public var data: JSONValue
        /// Coverage-term options.
        public var coverageTerms: [String: String]
        /// Children.
        public var children: [ElementSeed]
        /// The static locator (ULID), so that a test can name the element in a `modify` or `delete` instruction;
        /// generated when nil. Unique within the policy's tree.
        public var staticLocator: String? = nil
    }

    /// The tenants.
    public var tenants: [Tenant]
    /// The tokens.
    public var tokens: [AccessToken]

    /// Creates fixtures.
    public init(tenants: [Tenant], tokens: [AccessToken]) {
        self.tenants = tenants
        self.tokens = tokens
    }

    /// Reads fixtures from JSON bytes; every problem is collected and thrown together, each with file, position and pointer.
    public static func load(bytes: [UInt8], file: String) throws(FixtureErrors) -> EmulatorFixtures {
        var reader = FixtureReader(file: file)
        let fixtures = reader.read(bytes)
        guard reader.issues.isEmpty, let fixtures else { throw FixtureErrors(issues: reader.issues) }
        return fixtures
    }

    /// The built-in set, so that a fresh run works with no file (see ``BuiltInFixtures``).
    public static var builtIn: EmulatorFixtures {
        // The built-in text is tested to load without issues.
        (try? load(bytes: Array(BuiltInFixtures.json.utf8), file: "<built-in fixtures>")) ?? EmulatorFixtures(tenants: [], tokens: [])
    }
}
