@testable import SuretyEmulator
import SuretyJSON
import Testing

/// Merging the per-concern handler tables reports an endpoint id two tables handle instead of keeping one silently.
struct HandlerTableTests {
    static func handler(_ marker: String) -> EmulatorHandler {
        { _, _, _ throws(EmulatorError) in EmulatorReply(.string(marker)) }
    }

    @Test func anEndpointIdTwoTablesHandleIsReportedAsADuplicate() {
        let table = EmulatorHandlerTable(merging: [["fetchPolicy": Self.handler("a"), "issue": Self.handler("a")],
                                                   ["listTerms": Self.handler("b"), "issue": Self.handler("b")],
                                                   ["issue": Self.handler("c"), "fetchPolicy": Self.handler("c")]])
        #expect(table.duplicates == ["fetchPolicy", "issue"])
        #expect(Set(table.handlers.keys) == ["fetchPolicy", "issue", "listTerms"])
    }

    @Test func tablesWithDistinctIdsMergeWithNoDuplicate() {
        let table = EmulatorHandlerTable(merging: [["a": Self.handler("a")], ["b": Self.handler("b")], [:]])
        #expect(table.duplicates.isEmpty)
        #expect(table.handlers.count == 2)
    }

    @Test func theEmulatorsOwnTablesHandleEveryEndpointIdOnce() {
        let table = EmulatorHandlerTable(merging: EmulatorHandlers.parts)
        #expect(table.duplicates == [])
        #expect(table.handlers.count == EmulatorHandlers.parts.map(\.count).reduce(0, +))
    }
}
