import SuretyJSON

/// A named object type of the contract: its properties, required and optional, in documented order.
public struct Schema: Sendable, Hashable {
    /// The schema's name, global across the contract.
    public var name: String
    /// The documents show the table without a name, so the contract chose this one.
    public var nameIsOurs: Bool
    /// The properties in documented order, required ones first as the documents list them.
    public var properties: [Property]
    /// The schema's description, when the documents give one.
    public var description: String?
    /// Choices the contract made for this schema.
    public var notes: [String]
    /// Where the schema is defined.
    public var location: SourceLocation?

    /// Creates a schema.
    public init(name: String, nameIsOurs: Bool = false, properties: [Property], description: String? = nil,
                notes: [String] = [], location: SourceLocation? = nil) {
        self.name = name
        self.nameIsOurs = nameIsOurs
        self.properties = properties
        self.description = description
        self.notes = notes
        self.location = location
    }

    /// The property with this name.
    public func property(named name: String) -> Property? {
        properties.first { $0.name == name }
    }

    /// The properties that must be present.
    public var requiredProperties: [Property] { properties.filter(\.isRequired) }

    /// The properties that may be absent.
    public var optionalProperties: [Property] { properties.filter { !$0.isRequired } }
}

/// One property of a schema.
public struct Property: Sendable, Hashable {
    /// The property's name.
    public var name: String
    /// Its type; `T?` allows null.
    public var type: TypeRef
    /// Whether it must be present (the documents' "required" table).
    public var isRequired: Bool
    /// The documents mark the property deprecated.
    public var isDeprecated: Bool
    /// Enum values the contract marks deprecated.
    public var deprecatedValues: [String]
    /// The documents' words on the property.
    public var description: String?
    /// The documents do not show the property; the contract declares it from another source (`"source": "inferred"`).
    public var isInferred: Bool
    /// Where the property is written in the contract.
    public var location: SourceLocation?

    /// Creates a property.
    public init(name: String, type: TypeRef, isRequired: Bool, isDeprecated: Bool = false, deprecatedValues: [String] = [],
                description: String? = nil, isInferred: Bool = false, location: SourceLocation? = nil) {
        self.name = name
        self.type = type
        self.isRequired = isRequired
        self.isDeprecated = isDeprecated
        self.deprecatedValues = deprecatedValues
        self.description = description
        self.isInferred = isInferred
        self.location = location
    }
}

/// The schemas of a contract by name, keeping definition order.
public struct SchemaSet: Sendable {
    /// Schemas in definition order.
    public private(set) var schemas: [Schema] = []
    private var indexByName: [String: Int] = [:]

    /// Creates a set; a later schema with an existing name is ignored (the loader reports duplicates).
    public init(_ schemas: [Schema] = []) {
        for schema in schemas { insert(schema) }
    }

    /// Adds a schema unless one with its name exists; returns whether it was added.
    @discardableResult
    public mutating func insert(_ schema: Schema) -> Bool {
        guard indexByName[schema.name] == nil else { return false }
        indexByName[schema.name] = schemas.count
        schemas.append(schema)
        return true
    }

    /// The schema with this name.
    public subscript(name: String) -> Schema? {
        indexByName[name].map { schemas[$0] }
    }

    /// All schema names in definition order.
    public var names: [String] { schemas.map(\.name) }

    /// Names close to `name`, best first, for "did you mean" suggestions.
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        EditDistance.closest(to: name, among: names, limit: limit)
    }
}
