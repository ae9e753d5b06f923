import Foundation
import SuretySchemas

extension Timestamp {
    /// The instant of a `Date`, to the nearest millisecond: the precision recordings keep.
    init(roundingToMilliseconds date: Date) {
        self.init(microseconds: Int64((date.timeIntervalSince1970 * 1_000).rounded()) * 1_000)
    }

    /// The instant as a `Date`.
    var date: Date { Date(timeIntervalSince1970: Double(microseconds) / 1_000_000) }

    /// A recording's time: RFC 3339 in UTC with milliseconds (`2025-01-31T09:30:00.123Z`).
    static func recordingText(_ date: Date) -> String {
        Timestamp(roundingToMilliseconds: date).rfc3339(fractionDigits: 3)
    }

    /// Reads a recording's time; nil when the text is not RFC 3339.
    static func recordingDate(_ text: String) -> Date? {
        Timestamp(rfc3339: text)?.date
    }
}
