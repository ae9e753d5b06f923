@testable import SuretyEmulator
import Testing

/// The memo that lets a fixtures file's policies share their lattice frames and charge splits (``PureMemo``).
@Suite struct PureMemoTests {
    @Test("a memo computes each key once while it holds at most maxEntries, and starts over when one more comes")
    func bound() {
        let memo = PureMemo<Int, Int>(maxEntries: 3)
        var computed = 0
        let square = { (key: Int) in memo.value(for: key) { computed += 1; return key * key } }
        #expect([1, 2, 3, 1, 2, 3].map(square) == [1, 4, 9, 1, 4, 9])
        #expect(computed == 3, "at the limit every result is kept")
        #expect(square(4) == 16 && computed == 4)
        #expect(square(1) == 1 && computed == 5, "just over the limit the memo started over")
    }
}
