import Foundation

extension ChargeSpreader {
    /// What a split depends on.
    private struct SplitKey: Hashable, Sendable {
        let amount: Int
        let shares: [Decimal]
        let remainder: ProductBilling.Remainder
    }

    /// The splits already made, by what they depend on.
    private static let splitMemo = PureMemo<SplitKey, [Int]>(maxEntries: 4_096)

    /// ``split(_:by:remainder:)``, computed once for each amount and shares: the same charge over the same frames (every
    /// fixture policy of a product, every like change) is split once.
    static func memoizedSplit(_ amount: Int, by shares: [Decimal], remainder: ProductBilling.Remainder) -> [Int] {
        splitMemo.value(for: SplitKey(amount: amount, shares: shares, remainder: remainder)) {
            split(amount, by: shares, remainder: remainder)
        }
    }
}
