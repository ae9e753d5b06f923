import Foundation
import SuretySchemas

extension DurationCalculator {
    /// What a duration depends on.
    private struct DurationKey: Hashable, Sendable {
        let basis: DurationBasis
        let timeZone: String
        let termStart: Timestamp
        let start: Timestamp
        let end: Timestamp
    }

    /// The durations already computed, by what they depend on.
    private static let durationMemo = PureMemo<DurationKey, Decimal>(maxEntries: 16_384)

    /// ``duration(from:to:)`` of the calculator these values make, computed once for each: every installment of a
    /// frame, and every change effective at the same instant, asks for the same ones (each costs `Decimal` division
    /// and time-zone lookups).
    static func memoizedDuration(basis: DurationBasis, timeZoneIdentifier: String, termStart: Timestamp,
                                 from start: Timestamp, to end: Timestamp) -> Decimal {
        let key = DurationKey(basis: basis, timeZone: timeZoneIdentifier, termStart: termStart, start: start, end: end)
        return durationMemo.value(for: key) {
            DurationCalculator(basis: basis, timeZoneIdentifier: timeZoneIdentifier, termStart: termStart).duration(from: start, to: end)
        }
    }
}
