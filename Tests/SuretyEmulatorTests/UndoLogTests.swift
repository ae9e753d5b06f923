@testable import SuretyEmulator
import Testing

/// A change recorded in a ``LocatorTable``'s undo log: kept, it stays; not kept, the table is again what it was,
/// however the change wrote; and nothing outside the change (a copy, an earlier state) is written through.
@Suite struct UndoLogTests {
    static func key(_ index: Int) -> String { "01J6C" + String(repeating: "0", count: 21 - String(index).count) + String(index) }

    /// A table of `count` arrays, `["v0"]`, `["v1"]`, …
    static func table(_ count: Int) -> LocatorTable<[String]> {
        var table: LocatorTable<[String]> = [:]
        for index in 0..<count { table[key(index)] = ["v\(index)"] }
        return table
    }

    /// Every kind of write, some twice to the same locator: replace, change in place, the default subscript, a new
    /// locator, setting nil, `removeValue`, emptying through `_modify`, and re-adding what was removed.
    static func writeEverything(_ table: inout LocatorTable<[String]>) {
        table[key(1)] = ["replaced"]
        table[key(1)]?.append("again")
        table[key(2)]?.append("in place")
        table[key(2)]?.append("twice")
        table[key(3), default: []].append("default")
        table[key(5_000), default: []].append("new by default")
        table[key(5_001)] = ["new"]
        table[key(5_001)]?.append("and changed")
        table[key(4)] = nil
        table.removeValue(forKey: key(6))
        table[key(7)] = nil
        table[key(7)] = ["back"]
        table[key(8)]?.removeAll()
        for index in 100..<400 { table[key(index)] = nil }
        for index in 6_000..<6_300 { table[key(index)] = ["grown"] }
    }

    @Test("a change not kept leaves the table equal, locator for locator and in iteration order, to what it was, whatever it wrote")
    func undoneChangeRestores() {
        var table = Self.table(1_000)
        let before = Self.table(1_000)
        table.beginChange(ChangeEpoch.next())
        Self.writeEverything(&table)
        #expect(table != before)
        table.endChange(keeping: false)
        #expect(table == before && table.count == 1_000)
        #expect(table.keys == before.keys, "the same locators give the same trie")
        #expect(table[Self.key(1)] == ["v1"] && table[Self.key(2)] == ["v2"] && table[Self.key(4)] == ["v4"])
        #expect(table[Self.key(5_000)] == nil && table[Self.key(6_100)] == nil)
    }

    @Test("a kept change stays, and a later change not kept goes back to it, not to the first state")
    func keptChangeStays() {
        var table = Self.table(1_000)
        var expected = Self.table(1_000)
        Self.writeEverything(&expected)
        table.beginChange(ChangeEpoch.next())
        Self.writeEverything(&table)
        table.endChange(keeping: true)
        #expect(table == expected)
        table.beginChange(ChangeEpoch.next())
        table[Self.key(1)] = ["later"]
        table[Self.key(9)] = nil
        table.endChange(keeping: false)
        #expect(table == expected && table[Self.key(1)] == ["replaced", "again"])
    }

    @Test("a copy taken before or during a change keeps its values while the change writes in place and is undone")
    func copiesAreUntouched() {
        var table = Self.table(500)
        let before = table
        table.beginChange(ChangeEpoch.next())
        table[Self.key(1)]?.append("first")
        let during = table
        table[Self.key(1)]?.append("second")
        table[Self.key(2)] = ["written after the copy"]
        #expect(during[Self.key(1)] == ["v1", "first"] && during[Self.key(2)] == ["v2"])
        table.endChange(keeping: false)
        #expect(table == before && before == Self.table(500))
        #expect(during[Self.key(1)] == ["v1", "first"])
    }

    @Test("outside a change nothing is logged: ending no change keeps every write")
    func noChangeOpen() {
        var table = Self.table(10)
        table[Self.key(1)] = ["outside"]
        table.endChange(keeping: false)
        #expect(table[Self.key(1)] == ["outside"])
    }

    @Test("the store's change covers every stored property: each is either undo-logged or kept whole by the mark")
    func everyStorePropertyIsCovered() {
        let labels = Mirror(reflecting: TenantStore(tenantLocator: "t", name: "n")).children.compactMap(\.label)
        #expect(Set(labels) == Set(TenantStore.changeLogged + TenantStore.changeMarked))
        #expect(labels.count == TenantStore.changeLogged.count + TenantStore.changeMarked.count)
    }

    @Test("the ledgers' and the document table's stored properties are the ones their changes cover (a new one must join beginChange)")
    func partsAreCovered() {
        let labels: (Any) -> Set<String> = { Set(Mirror(reflecting: $0).children.compactMap(\.label)) }
        #expect(labels(BillingLedger()) == ["lattices", "settings", "blocks", "installmentCount", "installmentCountAtChange", "latticesByOwner",
                                           "blocksByReference", "billed"])
        #expect(labels(JobLedger()) == ["jobs", "byReference", "settings", "due"])
        #expect(labels(DocumentTable()) == ["table", "byTransaction"])
    }
}
