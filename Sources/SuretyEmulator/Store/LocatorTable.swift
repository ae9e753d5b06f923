/// A dictionary from locator to value, kept in ``shardCount`` smaller dictionaries so that a copy-on-write of the
/// tenant's store copies one shard, not the whole table.
///
/// The backend keeps the tenant's store to fall back on while a handler changes a copy (a failed operation changes
/// nothing), so the first write to a shared table copies its storage: with one flat dictionary that is every
/// transaction of the tenant on every state-changing request; here it is the outer array and about 1/256th of them per
/// shard written (256 is about the square root of a 10,000-policy tenant's installments, which balances the two
/// copies; an issue writes a dozen installments, each to its own shard). Reads and writes go through the subscript
/// like a dictionary's; iteration order is unspecified, as a dictionary's is.
public struct LocatorTable<Value: Sendable & Hashable>: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// How many shards a table has.
    public static var shardCount: Int { 256 }
    private var shards: [[String: Value]]

    /// Creates an empty table.
    public init() {
        shards = Array(repeating: [:], count: Self.shardCount)
    }

    /// Creates a table from literal pairs.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }

    /// The shard of a locator: its last four bytes mixed (a locator's random part, or its counter, is at its end).
    static func shard(of key: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in key.utf8.suffix(4) { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(shardCount))
    }

    /// The value for a locator, or nil; setting nil removes it.
    public subscript(key: String) -> Value? {
        get { shards[Self.shard(of: key)][key] }
        _modify { yield &shards[Self.shard(of: key)][key] }
        set { shards[Self.shard(of: key)][key] = newValue }
    }

    /// The value for a locator, or `defaultValue` when there is none; a change through it is stored, as a
    /// dictionary's is.
    public subscript(key: String, default defaultValue: @autoclosure () -> Value) -> Value {
        get { shards[Self.shard(of: key)][key, default: defaultValue()] }
        _modify { yield &shards[Self.shard(of: key)][key, default: defaultValue()] }
    }

    /// Every value, in no particular order.
    public var values: [Value] { shards.flatMap(\.values) }

    /// Every locator, in no particular order.
    public var keys: [String] { shards.flatMap(\.keys) }

    /// The number of entries.
    public var count: Int { shards.reduce(0) { $0 + $1.count } }

    /// Whether the table is empty.
    public var isEmpty: Bool { shards.allSatisfy(\.isEmpty) }

    /// Removes and answers the value for a locator.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> Value? {
        shards[Self.shard(of: key)].removeValue(forKey: key)
    }

    /// Iterates the `(key, value)` pairs, in no particular order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: Value)]> {
        shards.flatMap { $0.map { (key: $0.key, value: $0.value) } }.makeIterator()
    }
}
