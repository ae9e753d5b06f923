/// What the indices of compiled types point to: nested types, `oneOf`s, enums and unknown schema names.
struct TypeTables: Sendable {
    var types: [CompiledType] = []
    var oneOfs: [CompiledOneOf] = []
    var names: [String] = []
    /// Every enum's values, end to end, and whether each is deprecated.
    var enumValues = ByteTable()
    var isDeprecatedValue: [Bool] = []
    /// Each enum's range in `enumValues`, and its values as text for reports.
    var enumRanges: [Range<Int>] = []
    var enumNames: [[String]] = []
}

/// Enums in the tables: every enum's values as bytes in one table, so the walk compares them without reference counting.
extension TypeTables {
    /// Adds an enum; its index for `CompiledType.enumeration`.
    mutating func addEnum(values: [String], deprecated: Set<String>) -> Int {
        let first = enumValues.count
        for value in values {
            enumValues.append(value)
            isDeprecatedValue.append(deprecated.contains(value))
        }
        enumRanges.append(first..<enumValues.count)
        enumNames.append(values)
        return enumNames.count - 1
    }

    /// The index in `enumValues` of enum `index`'s value whose bytes equal `key`.
    @inline(__always)
    func enumValue(of key: UnsafeBufferPointer<UInt8>, in index: Int) -> Int? {
        for value in enumRanges[index] where enumValues.equals(value, key) { return value }
        return nil
    }
}
