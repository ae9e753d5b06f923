/// What a conformance run saw of the contract: endpoints and their statuses, optional properties and enum values
/// the backend produced, and those it never did.
///
/// Only schemas reachable from a response type count; deprecated properties and values are left out of the
/// "never observed" lists because a backend that never sends them is right.
public struct Coverage: Sendable, Hashable {
    /// One endpoint's exchanges.
    public struct EndpointCoverage: Sendable, Hashable {
        /// The endpoint's id.
        public var id: String
        /// Every status it answered, ascending.
        public var statuses: [Int]
        /// Whether it answered a status the contract documents (its 2xx) at least once.
        public var answeredDocumentedStatus: Bool

        /// Whether any exchange reached it.
        public var exercised: Bool { !statuses.isEmpty }
    }

    /// One schema's optional properties.
    public struct SchemaCoverage: Sendable, Hashable {
        /// The schema's name.
        public var name: String
        /// Its optional, non-deprecated properties in documented order.
        public var optionalProperties: [String]
        /// Those never present (with a non-null value) in any response.
        public var neverObserved: [String]
        /// Whether any response carried the schema at all.
        public var observed: Bool
    }

    /// One enum-typed property's values.
    public struct EnumCoverage: Sendable, Hashable {
        /// `Schema.property`.
        public var key: String
        /// The non-deprecated values in documented order.
        public var values: [String]
        /// Those no response carried.
        public var neverObserved: [String]
    }

    /// Every endpoint of the contract, in contract order.
    public var endpoints: [EndpointCoverage]
    /// Every reachable schema with optional properties, by name.
    public var schemas: [SchemaCoverage]
    /// Every enum-typed property of a reachable schema, by key.
    public var enums: [EnumCoverage]

    /// Creates a coverage summary.
    public init(endpoints: [EndpointCoverage], schemas: [SchemaCoverage], enums: [EnumCoverage]) {
        self.endpoints = endpoints
        self.schemas = schemas
        self.enums = enums
    }

    /// How many endpoints any exchange reached.
    public var exercisedCount: Int { endpoints.filter(\.exercised).count }
    /// How many endpoints answered a documented status.
    public var documentedStatusCount: Int { endpoints.filter(\.answeredDocumentedStatus).count }
    /// Optional properties never observed, across schemas.
    public var neverObservedPropertyCount: Int { schemas.reduce(0) { $0 + $1.neverObserved.count } }
    /// Optional properties in all, across schemas.
    public var optionalPropertyCount: Int { schemas.reduce(0) { $0 + $1.optionalProperties.count } }
    /// Enum values never observed, across properties.
    public var neverObservedValueCount: Int { enums.reduce(0) { $0 + $1.neverObserved.count } }
    /// Enum values in all, across properties.
    public var enumValueCount: Int { enums.reduce(0) { $0 + $1.values.count } }
}
