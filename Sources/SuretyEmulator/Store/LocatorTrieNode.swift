/// One node of a ``LocatorTable``'s hash trie: 32 slots, each empty, an entry, or a child node for the locators whose
/// hashes share the slot; below the hash's 64 bits a node is a plain list of the locators whose hashes are equal.
///
/// Tables copied from one another share their nodes. A node is changed in place only while one table holds it:
/// ``LocatorTable`` checks `isKnownUniquelyReferenced` on the way down and copies a shared node first, so a write
/// copies the few nodes on its path (about log₃₂ of the table's size), never the table. While a change is recorded
/// (`epoch` not 0), an entry older than the change is never written: it is replaced, and the caller keeps the old one.
final class LocatorTrieNode<Value: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: a node is written only through a reference no other table holds (copy-on-write, as the
    // standard collections' buffers are); a shared node is only read.

    /// A locator and its value, boxed, so that copying a node retains one reference an entry, not every field of
    /// its value. Changed in place only while one node holds it, like a node.
    final class Entry: @unchecked Sendable {
        // @unchecked Sendable: written only through a reference no other node holds (see the node's note).
        let key: String
        /// The key's hash (``LocatorHash``), kept so that moving the entry down a level does not hash the key again.
        let hash: UInt64
        /// The value; nil only for the moment between a change through ``LocatorTable``'s subscript setting it to
        /// nil and the entry's removal.
        var value: Value?
        /// The change (``ChangeEpoch``) that made this entry, or 0 outside one: an entry of the open change is
        /// changed in place, an older one is replaced and kept in the table's undo log.
        let epoch: UInt64

        init(key: String, hash: UInt64, value: Value?, epoch: UInt64) {
            self.key = key
            self.hash = hash
            self.value = value
            self.epoch = epoch
        }
    }

    /// The slots that hold an entry.
    var entryMap: UInt32
    /// The slots that hold a child node.
    var childMap: UInt32
    /// The entries, in slot order (every entry, unordered, in a node below the hash's bits).
    var entries: [Entry]
    /// The child nodes, in slot order.
    var children: [LocatorTrieNode]

    init(entryMap: UInt32 = 0, childMap: UInt32 = 0, entries: [Entry] = [], children: [LocatorTrieNode] = []) {
        self.entryMap = entryMap
        self.childMap = childMap
        self.entries = entries
        self.children = children
    }

    /// A node with the same slots, to be changed instead of this shared one.
    func copy() -> LocatorTrieNode { LocatorTrieNode(entryMap: entryMap, childMap: childMap, entries: entries, children: children) }

    /// The hash bits that choose a slot from here on run out at this shift.
    static var hashBits: UInt64 { 64 }

    /// The slot's bit for `hash` at `shift` (five bits a level).
    @inline(__always) static func bit(_ hash: UInt64, _ shift: UInt64) -> UInt32 { 1 << UInt32(truncatingIfNeeded: (hash >> shift) & 31) }

    /// The position in `entries` or `children` of the slot `bit`, given that array's map.
    @inline(__always) static func index(_ map: UInt32, _ bit: UInt32) -> Int { (map & (bit &- 1)).nonzeroBitCount }

    /// The value stored for `key`, or nil.
    func find(_ key: String, hash: UInt64, shift start: UInt64) -> Value? {
        var node = self
        var shift = start
        while shift < Self.hashBits {
            let bit = Self.bit(hash, shift)
            if node.entryMap & bit != 0 {
                let entry = node.entries[Self.index(node.entryMap, bit)]
                return entry.key == key ? entry.value : nil
            }
            guard node.childMap & bit != 0 else { return nil }
            node = node.children[Self.index(node.childMap, bit)]
            shift += 5
        }
        return node.entries.first { $0.key == key }?.value
    }

    /// The entry stored for `key`, or nil: its value is read in place, not copied out whole as ``find(_:hash:shift:)`` does.
    func entry(_ key: String, hash: UInt64) -> Entry? {
        var node = self
        var shift: UInt64 = 0
        while shift < Self.hashBits {
            let bit = Self.bit(hash, shift)
            if node.entryMap & bit != 0 {
                let entry = node.entries[Self.index(node.entryMap, bit)]
                return entry.key == key ? entry : nil
            }
            guard node.childMap & bit != 0 else { return nil }
            node = node.children[Self.index(node.childMap, bit)]
            shift += 5
        }
        return node.entries.first { $0.key == key }
    }

    /// Whether an entry for `key` is stored (its value may be nil for the moment: see ``Entry``).
    func contains(_ key: String, hash: UInt64) -> Bool {
        entry(key, hash: hash) != nil
    }

    /// `key`'s entry below this node, which the caller holds alone, with every node on the way and the entry itself
    /// made the caller's alone (copied when shared, or when older than a recorded change `epoch`), so that it can be
    /// changed in place; the entry it replaced, if any. The key must be present.
    func uniqueEntry(of key: String, hash: UInt64, epoch: UInt64) -> (entry: Entry, replaced: Entry?) {
        var node = self
        var shift: UInt64 = 0
        var index = 0
        while shift < Self.hashBits {
            let bit = Self.bit(hash, shift)
            if node.entryMap & bit != 0 {
                index = Self.index(node.entryMap, bit)
                break
            }
            let child = Self.index(node.childMap, bit)
            if !isKnownUniquelyReferenced(&node.children[child]) { node.children[child] = node.children[child].copy() }
            node = node.children[child]
            shift += 5
        }
        if shift >= Self.hashBits { index = node.entries.firstIndex { $0.key == key } ?? 0 }
        guard isKnownUniquelyReferenced(&node.entries[index]), epoch == 0 || node.entries[index].epoch == epoch else {
            let old = node.entries[index]
            node.entries[index] = Entry(key: key, hash: hash, value: old.value, epoch: epoch)
            return (node.entries[index], old)
        }
        return (node.entries[index], nil)
    }

    /// What storing a value did: added a key, changed its entry in place, or replaced the entry (kept here).
    enum Stored {
        case added
        case changedInPlace
        case replaced(Entry)
    }

    /// Stores `value` for `key` in this node, which the caller holds alone, in a new entry of `epoch` or in place
    /// (see ``uniqueEntry(of:hash:epoch:)`` for when).
    func insert(_ key: String, _ value: Value?, hash: UInt64, shift: UInt64, epoch: UInt64) -> Stored {
        guard shift < Self.hashBits else {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                let old = entries[index]
                entries[index] = Entry(key: key, hash: hash, value: value, epoch: epoch)
                return .replaced(old)
            }
            entries.append(Entry(key: key, hash: hash, value: value, epoch: epoch))
            return .added
        }
        let bit = Self.bit(hash, shift)
        if entryMap & bit != 0 {
            let index = Self.index(entryMap, bit)
            if entries[index].key == key {
                if isKnownUniquelyReferenced(&entries[index]), epoch == 0 || entries[index].epoch == epoch {
                    entries[index].value = value
                    return .changedInPlace
                }
                let old = entries[index]
                entries[index] = Entry(key: key, hash: hash, value: value, epoch: epoch)
                return .replaced(old)
            }
            let other = entries.remove(at: index)
            entryMap ^= bit
            let child = Self.pair(other, Entry(key: key, hash: hash, value: value, epoch: epoch), shift: shift + 5)
            childMap |= bit
            children.insert(child, at: Self.index(childMap, bit))
            return .added
        }
        if childMap & bit != 0 {
            let index = Self.index(childMap, bit)
            if !isKnownUniquelyReferenced(&children[index]) { children[index] = children[index].copy() }
            return children[index].insert(key, value, hash: hash, shift: shift + 5, epoch: epoch)
        }
        entryMap |= bit
        entries.insert(Entry(key: key, hash: hash, value: value, epoch: epoch), at: Self.index(entryMap, bit))
        return .added
    }

    /// A node holding two entries whose hashes agree below `shift`.
    static func pair(_ first: Entry, _ second: Entry, shift: UInt64) -> LocatorTrieNode {
        guard shift < hashBits else { return LocatorTrieNode(entries: [first, second]) }
        let firstBit = bit(first.hash, shift)
        let secondBit = bit(second.hash, shift)
        if firstBit == secondBit { return LocatorTrieNode(childMap: firstBit, children: [pair(first, second, shift: shift + 5)]) }
        return LocatorTrieNode(entryMap: firstBit | secondBit, entries: firstBit < secondBit ? [first, second] : [second, first])
    }

    /// Removes and answers `key`'s entry, which the caller has found present, from this node, which the caller holds alone; a child left
    /// with one entry and no children is folded back into its slot, so equal key sets give equal tries.
    func remove(_ key: String, hash: UInt64, shift: UInt64) -> Entry? {
        guard shift < Self.hashBits else {
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            return entries.remove(at: index)
        }
        let bit = Self.bit(hash, shift)
        if entryMap & bit != 0 {
            let index = Self.index(entryMap, bit)
            guard entries[index].key == key else { return nil }
            entryMap ^= bit
            return entries.remove(at: index)
        }
        guard childMap & bit != 0 else { return nil }
        let index = Self.index(childMap, bit)
        if !isKnownUniquelyReferenced(&children[index]) { children[index] = children[index].copy() }
        let removed = children[index].remove(key, hash: hash, shift: shift + 5)
        let child = children[index]
        if child.children.isEmpty && child.entries.count <= 1 {
            children.remove(at: index)
            childMap ^= bit
            if let last = child.entries.first {
                entryMap |= bit
                entries.insert(last, at: Self.index(entryMap, bit))
            }
        }
        return removed
    }

    /// Calls `body` with every entry below this node, in hash order.
    func forEach(_ body: (Entry) -> Void) {
        for entry in entries { body(entry) }
        for child in children { child.forEach(body) }
    }
}
