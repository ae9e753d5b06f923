import Foundation
import SuretySchemas

/// A period of a term in a calendar: what its duration, and an amount prorated over it, depend on.
struct CalendarPeriod: Hashable, Sendable {
    /// The policy's duration basis.
    let basis: DurationBasis
    /// The time zone's identifier.
    let timeZone: String
    /// The term's start, which anchors month counting.
    let termStart: Timestamp
    /// The period's start.
    let start: Timestamp
    /// Its end.
    let end: Timestamp
}

extension DurationCalculator {
    /// The durations already computed, by period.
    private static let durationMemo = PureMemo<CalendarPeriod, Decimal>(maxEntries: 16_384)

    /// ``duration(from:to:)`` of the calculator these values make, computed once for each: every installment of a
    /// frame, and every change effective at the same instant, asks for the same ones (each costs `Decimal` division
    /// and time-zone lookups).
    static func memoizedDuration(basis: DurationBasis, timeZoneIdentifier: String, termStart: Timestamp,
                                 from start: Timestamp, to end: Timestamp) -> Decimal {
        let period = CalendarPeriod(basis: basis, timeZone: timeZoneIdentifier, termStart: termStart, start: start, end: end)
        return durationMemo.value(for: period) {
            DurationCalculator(basis: basis, timeZoneIdentifier: timeZoneIdentifier, termStart: termStart).duration(from: start, to: end)
        }
    }
}
