/// A dictionary from locator to value that a copy shares whole: a hash trie (``LocatorTrieNode``) whose write copies
/// only the nodes on its path, so a write costs the same in a table of ten entries as in one of a million, copied or not.
///
/// The backend changes a tenant's store in place and undoes a failed operation from an undo log: between
/// ``beginChange(_:)`` and ``endChange(keeping:)`` every write keeps the entry it replaces (once per locator), and
/// not keeping the change puts those back. A copy is a reference to the same root; the first write to a shared table
/// copies about log₃₂(count) nodes of at most 32 slots, however many entries the tenant holds. Reads and writes go
/// through the subscript like a dictionary's; iteration follows the trie, which is the same for the same locators in
/// every process.
public struct LocatorTable<Value: Sendable & Hashable>: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    private typealias Node = LocatorTrieNode<Value>
    /// The trie; nil while the table is empty.
    private var root: Node?
    /// The number of entries.
    public private(set) var count: Int = 0
    /// The open change's undo log; nil outside a change. Not part of the table's value (equality and hash ignore it).
    private var undo: UndoLog?

    /// The entries one change replaced, to put back when it is not kept.
    private struct UndoLog {
        /// The change's epoch: its entries are changed in place, older ones replaced and kept here.
        let epoch: UInt64
        /// Each locator the change wrote first, with the entry it had (nil: it had none), in the order written.
        var replaced: [(key: String, entry: Node.Entry?)] = []
    }

    /// Creates an empty table.
    public init() {}

    /// Creates a table from literal pairs.
    public init(dictionaryLiteral elements: (String, Value)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// The value for a locator, or nil; setting nil removes it. A change through it happens in place: the value is
    /// not copied out of the table and back.
    public subscript(key: String) -> Value? {
        get { root?.find(key, hash: LocatorHash.of(key), shift: 0) }
        set {
            if let newValue { store(newValue, for: key) } else { removeValue(forKey: key) }
        }
        _modify {
            let hash = LocatorHash.of(key)
            if let entry = uniqueEntry(of: key, hash: hash) {
                defer { if entry.value == nil { removeEntry(forKey: key, hash: hash) } }
                yield &entry.value
            } else {
                var value: Value?
                defer { if let value { store(value, for: key) } }
                yield &value
            }
        }
    }

    /// `part` of the value for a locator, read in place (the rest of a large value is not copied out), or nil.
    @inline(__always)
    func read<Part>(_ key: String, _ part: (borrowing Value) -> Part) -> Part? {
        guard let entry = root?.entry(key, hash: LocatorHash.of(key)), entry.value != nil else { return nil }
        return part(entry.value!)
    }

    /// The value for a locator, or `defaultValue` when there is none; a change through it is stored, as a
    /// dictionary's is, in place.
    public subscript(key: String, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[key] ?? defaultValue() }
        _modify {
            if let entry = uniqueEntry(of: key, hash: LocatorHash.of(key)) {
                yield &entry.value!
            } else {
                var value = defaultValue()
                defer { store(value, for: key) }
                yield &value
            }
        }
    }

    /// `key`'s entry, it and every node on the way made this table's alone; nil (and nothing copied) when the key
    /// is absent.
    private mutating func uniqueEntry(of key: String, hash: UInt64) -> Node.Entry? {
        guard root?.contains(key, hash: hash) == true else { return nil }
        if !isKnownUniquelyReferenced(&root!) { root = root!.copy() }
        let (entry, replaced) = root!.uniqueEntry(of: key, hash: hash, epoch: undo?.epoch ?? 0)
        if let replaced { undo?.replaced.append((key, replaced)) }
        return entry
    }

    /// Stores a value, copying the shared nodes on its path first.
    private mutating func store(_ value: Value, for key: String) {
        if root == nil { root = Node() }
        if !isKnownUniquelyReferenced(&root!) { root = root!.copy() }
        switch root!.insert(key, value, hash: LocatorHash.of(key), shift: 0, epoch: undo?.epoch ?? 0) {
        case .added:
            count += 1
            undo?.replaced.append((key, nil))
        case .replaced(let old):
            undo?.replaced.append((key, old))
        case .changedInPlace:
            break
        }
    }

    /// Starts recording a change of epoch `epoch` (``ChangeEpoch``): until ``endChange(keeping:)`` every write keeps
    /// what it replaces. A change already open is ended and kept first.
    public mutating func beginChange(_ epoch: UInt64) {
        undo = UndoLog(epoch: epoch)
    }

    /// Ends the open change: kept, the log is dropped; not kept, every entry it replaced is put back, latest first,
    /// so the table holds what it held at ``beginChange(_:)``. Nothing happens outside a change.
    public mutating func endChange(keeping: Bool) {
        guard let log = undo else { return }
        undo = nil
        guard !keeping else { return }
        for (key, entry) in log.replaced.reversed() {
            if let value = entry?.value { store(value, for: key) } else { removeValue(forKey: key) }
        }
    }

    /// Stores a value and answers the one it replaced, or nil.
    @discardableResult
    public mutating func updateValue(_ value: Value, forKey key: String) -> Value? {
        let previous = self[key]
        store(value, for: key)
        return previous
    }

    /// Removes and answers the value for a locator.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> Value? {
        let hash = LocatorHash.of(key)
        guard root?.contains(key, hash: hash) == true else { return nil }  // nothing to copy for an absent key
        return removeEntry(forKey: key, hash: hash)
    }

    /// Removes a present key's entry.
    @discardableResult
    private mutating func removeEntry(forKey key: String, hash: UInt64) -> Value? {
        if !isKnownUniquelyReferenced(&root!) { root = root!.copy() }
        let removed = root!.remove(key, hash: hash, shift: 0)
        count -= 1
        if count == 0 { root = nil }
        if let removed { undo?.replaced.append((key, removed)) }
        return removed?.value
    }

    /// Whether the table is empty.
    public var isEmpty: Bool { count == 0 }

    /// Every `(key, value)` pair, in the trie's order.
    private var pairs: [(key: String, value: Value)] {
        var pairs: [(key: String, value: Value)] = []
        pairs.reserveCapacity(count)
        root?.forEach { pairs.append((key: $0.key, value: $0.value!)) }
        return pairs
    }

    /// Every value, in the trie's order.
    public var values: [Value] {
        var values: [Value] = []
        values.reserveCapacity(count)
        root?.forEach { values.append($0.value!) }
        return values
    }

    /// Every locator, in the trie's order.
    public var keys: [String] {
        var keys: [String] = []
        keys.reserveCapacity(count)
        root?.forEach { keys.append($0.key) }
        return keys
    }

    /// Iterates the `(key, value)` pairs, in the trie's order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: Value)]> { pairs.makeIterator() }

    /// Equal when both hold the same locators with equal values (tables that share their root are equal at once).
    public static func == (lhs: LocatorTable, rhs: LocatorTable) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.root === rhs.root { return true }
        var equal = true
        lhs.root?.forEach { entry in
            if equal, rhs[entry.key] != entry.value { equal = false }
        }
        return equal
    }

    /// Hashes the entries in an order-free way, so equal tables hash alike.
    public func hash(into hasher: inout Hasher) {
        var sum: UInt64 = 0
        root?.forEach { entry in
            var entryHasher = Hasher()
            entryHasher.combine(entry.key)
            entryHasher.combine(entry.value)
            sum &+= UInt64(bitPattern: Int64(entryHasher.finalize()))
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}
