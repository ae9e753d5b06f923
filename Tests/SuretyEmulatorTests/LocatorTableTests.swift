@testable import SuretyEmulator
import Testing

@Suite struct LocatorTableTests {
    @Test("a locator table reads, writes, modifies in place, removes and iterates like a dictionary")
    func dictionaryBehaviour() {
        var table: LocatorTable<Int> = ["01J6A00000000000000000PA01": 1]
        for index in 0..<1_000 { table["01J6B\(String(repeating: "0", count: 17))\(1000 + index)"] = index }
        #expect(table.count == 1_001)
        #expect(table["01J6A00000000000000000PA01"] == 1)
        table["01J6A00000000000000000PA01"]? += 41
        #expect(table["01J6A00000000000000000PA01"] == 42)
        #expect(table.removeValue(forKey: "01J6A00000000000000000PA01") == 42)
        #expect(table["01J6A00000000000000000PA01"] == nil)
        #expect(table.values.sorted() == Array(0..<1_000))
        #expect(Set(table.map(\.key)) == Set(table.keys))
        #expect(!table.isEmpty && LocatorTable<Int>().isEmpty)
    }

    @Test("a copy is independent of its original (value semantics), and equal tables compare equal")
    func valueSemantics() {
        var original: LocatorTable<String> = [:]
        for index in 0..<300 { original["LOC\(index)"] = "v\(index)" }
        var copy = original
        copy["LOC7"] = "changed"
        #expect(original["LOC7"] == "v7")
        #expect(copy != original)
        copy["LOC7"] = "v7"
        #expect(copy == original)
    }

    @Test("the default subscript reads the default for a missing locator and stores a change made through it")
    func defaultSubscript() {
        var table: LocatorTable<[String]> = [:]
        #expect(table["POLICY1", default: []] == [])
        #expect(table["POLICY1"] == nil, "reading stores nothing")
        table["POLICY1", default: []].append("A")
        table["POLICY1", default: []].append("B")
        #expect(table["POLICY1"] == ["A", "B"])
        #expect(table.count == 1)
    }
}

/// The trie under ``LocatorTable``: structure that equal key sets share, and the paths a write copies.
@Suite struct LocatorTrieTests {
    static func key(_ index: Int) -> String { "01J6B\(String(index, radix: 10).leftPadded(to: 21))" }

    @Test("removing entries folds the trie back: a table that held more equals, entry by entry and in iteration order, one built with only what is left")
    func removalIsCanonical() {
        var grown: LocatorTable<Int> = [:]
        for index in 0..<5_000 { grown[Self.key(index)] = index }
        for index in 0..<5_000 where index % 7 != 0 { grown[Self.key(index)] = nil }
        var built: LocatorTable<Int> = [:]
        for index in stride(from: 0, to: 5_000, by: 7) { built[Self.key(index)] = index }
        #expect(grown == built && grown.hashValue == built.hashValue)
        #expect(grown.keys == built.keys, "the same locators give the same trie")
        for index in stride(from: 0, to: 5_000, by: 7) { grown.removeValue(forKey: Self.key(index)) }
        #expect(grown.isEmpty && grown == LocatorTable<Int>())
    }

    @Test("a change in place through the subscripts, setting nil through them, and writes to a copy never reach the original")
    func copiesAreIndependent() {
        var original: LocatorTable<[String]> = [:]
        for index in 0..<2_000 { original[Self.key(index)] = ["v\(index)"] }
        var copy = original
        copy[Self.key(5)]?.append("w")
        copy[Self.key(6), default: []].append("x")
        copy[Self.key(7)] = nil
        copy[Self.key(9_999), default: []].append("new")
        #expect(copy[Self.key(5)] == ["v5", "w"] && copy[Self.key(6)] == ["v6", "x"] && copy[Self.key(7)] == nil)
        #expect(copy[Self.key(9_999)] == ["new"] && copy.count == 2_000)
        #expect(original[Self.key(5)] == ["v5"] && original[Self.key(6)] == ["v6"] && original[Self.key(7)] == ["v7"])
        #expect(original[Self.key(9_999)] == nil && original.count == 2_000)
        copy[Self.key(8)]?.removeAll()
        #expect(copy[Self.key(8)] == [], "an emptied value stays; only nil removes")
    }

    @Test("locators whose 64-bit hashes are equal share a list below the hash's bits and are told apart by their text")
    func equalHashes() {
        let root = LocatorTrieNode<Int>()
        func added(_ stored: LocatorTrieNode<Int>.Stored) -> Bool { if case .added = stored { true } else { false } }
        for index in 0..<5 { #expect(added(root.insert("K\(index)", index, hash: 0xABCD, shift: 0, epoch: 0))) }
        #expect(!added(root.insert("K3", 33, hash: 0xABCD, shift: 0, epoch: 0)), "an existing key is replaced")
        #expect((0..<5).map { root.find("K\($0)", hash: 0xABCD, shift: 0) } == [0, 1, 2, 33, 4])
        #expect(root.find("K9", hash: 0xABCD, shift: 0) == nil)
        #expect(root.remove("K1", hash: 0xABCD, shift: 0)?.value == 1)
        #expect(root.find("K1", hash: 0xABCD, shift: 0) == nil && root.find("K2", hash: 0xABCD, shift: 0) == 2)
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
