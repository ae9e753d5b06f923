import SuretyJSON

/// One property of a compiled schema.
struct CompiledProperty: Sendable {
    let name: String
    let type: CompiledType
    let typeLabel: String
    let isRequired: Bool
    let isDeprecated: Bool
    let location: SourceLocation?
    /// `Schema.property`, the issue's `schemaPath`, built once.
    let schemaPath: String
}

/// A compiled schema: properties plus a lookup from a key's bytes to the property.
final class CompiledSchema: Sendable {
    let name: String
    let properties: [CompiledProperty]
    /// Properties grouped by name length (lengths ≥ 64 share the last bucket).
    let byLength: [[Int]]
    /// Undocumented schemas accept any object and never report unknown properties.
    let isOpen: Bool
    let location: SourceLocation?
    /// The walk's hot fields apart from the properties, so it reads one field without copying a whole property.
    let types: [CompiledType]
    /// Whether a property's presence warns: deprecated and optional (a required one must be sent).
    let warnsWhenPresent: [Bool]
    /// A deprecated property's `actual` text when present (`name present`), made once.
    let presentTexts: [String]
    /// The required properties' indices, in documented order.
    let requiredIndices: [Int]
    /// For schemas of at most 64 properties: one bit per required property, to check them all with one comparison.
    let requiredMask: UInt64
    /// The property names as bytes, in order.
    let names: ByteTable

    init(name: String, properties: [CompiledProperty], isOpen: Bool, location: SourceLocation?) {
        self.name = name
        self.properties = properties
        self.isOpen = isOpen
        self.location = location
        self.types = properties.map(\.type)
        self.warnsWhenPresent = properties.map { $0.isDeprecated && !$0.isRequired }
        self.presentTexts = properties.map { "\($0.name) present" }
        self.requiredIndices = properties.indices.filter { properties[$0].isRequired }
        self.requiredMask = properties.count > 64 ? 0 : requiredIndices.reduce(0) { $0 | 1 << UInt64($1) }
        var buckets = [[Int]](repeating: [], count: 65)
        for (index, property) in properties.enumerated() { buckets[min(property.name.utf8.count, 64)].append(index) }
        self.byLength = buckets
        self.names = ByteTable(properties.map(\.name))
    }

    /// The index of the property whose name equals the key's bytes, trying the few properties from `expected` on
    /// first: documents tend to list members in the documented order, leaving out some optional ones, so the next
    /// member is usually the property after the last one found or close behind it.
    @inline(__always)
    func propertyIndex(of key: UnsafeBufferPointer<UInt8>, expected: Int) -> Int? {
        for candidate in expected..<min(expected + Self.lookahead, properties.count) where names.equals(candidate, key) { return candidate }
        for candidate in byLength[min(key.count, 64)] where names.equals(candidate, key) { return candidate }
        return nil
    }

    /// How many properties from the expected one are tried before the lookup by name length.
    static let lookahead = 4
}
