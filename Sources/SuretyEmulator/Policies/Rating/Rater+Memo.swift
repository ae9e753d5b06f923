import Foundation
import SuretySchemas

extension Rater {
    /// What a prorated amount depends on: the annual amount and the period of the term, in the policy's calendar.
    private struct AmountKey: Hashable, Sendable {
        let annual: Int
        let period: CalendarPeriod
    }

    /// The amounts already prorated, by what they depend on.
    private static let amountMemo = PureMemo<AmountKey, Int>(maxEntries: 16_384)

    /// ``amount(_:from:to:)``, computed once for each annual amount, calendar and period: every like change on every
    /// policy of a product prices the same periods, and each costs `Decimal` division and rounding.
    func memoizedAmount(_ annual: Int, from start: Timestamp, to end: Timestamp) -> Int {
        let period = CalendarPeriod(basis: calculator.basis, timeZone: calculator.timeZone.identifier,
                                    termStart: calculator.termStart, start: start, end: end)
        return Self.amountMemo.value(for: AmountKey(annual: annual, period: period)) { amount(annual, from: start, to: end) }
    }
}
