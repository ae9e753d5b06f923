import SuretyEmulator
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
