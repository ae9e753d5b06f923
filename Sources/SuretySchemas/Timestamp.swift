/// An instant as whole microseconds since 1970-01-01T00:00:00Z, written as RFC 3339 in UTC.
///
/// The API's system timestamps carry microseconds and its effective times whole seconds (`semantics.md` §4.1);
/// ``rfc3339(fractionDigits:)`` writes either (recordings use milliseconds). It is the value of the contract's
/// `datetime` format: the emulator's clock, recording timings and the checker share this one conversion, without
/// `Date` or a formatter object, so output is the same on every platform.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Microseconds since the Unix epoch.
    public var microseconds: Int64

    /// Creates a timestamp from microseconds since the epoch.
    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// Creates a timestamp from whole seconds since the epoch.
    public init(seconds: Int64) {
        self.microseconds = seconds * 1_000_000
    }

    /// Whole seconds since the epoch, rounded down.
    public var seconds: Int64 { microseconds >= 0 ? microseconds / 1_000_000 : (microseconds - 999_999) / 1_000_000 }

    /// Whole milliseconds since the epoch, rounded down (the ULID time field).
    public var milliseconds: Int64 { microseconds >= 0 ? microseconds / 1_000 : (microseconds - 999) / 1_000 }

    /// The latest instant RFC 3339 writes, 9999-12-31T23:59:59.999999Z.
    public static let latest = Timestamp(microseconds: 253_402_300_799_999_999)
    /// The earliest instant RFC 3339 writes, 0000-01-01T00:00:00Z.
    public static let earliest = Timestamp(microseconds: -62_167_219_200_000_000)

    /// This instant moved by a number of seconds, stopping at ``earliest`` and ``latest`` (an absurd move from a
    /// fixture or request saturates instead of overflowing).
    public func adding(seconds: Int64) -> Timestamp {
        let (delta, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
        let (sum, overflowAgain) = microseconds.addingReportingOverflow(delta)
        guard !overflow, !overflowAgain else { return seconds < 0 ? .earliest : .latest }
        return Timestamp(microseconds: min(max(sum, Self.earliest.microseconds), Self.latest.microseconds))
    }

    /// Parses an RFC 3339 date-time (`2024-08-21T00:00:00Z`, any fraction, `Z` or `±hh:mm`); nil when malformed.
    public init?(rfc3339 text: String) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] | 0x20 == 116, bytes[13] == 58, bytes[16] == 58,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), day >= 1, day <= Formats.daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var micros: Int64 = 0
        if bytes[index] == 46 {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if digits < 6 { micros = micros * 10 + Int64(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 6) { micros *= 10 }
        }
        var offsetSeconds = 0
        guard index < bytes.count else { return nil }
        if bytes[index] | 0x20 == 122, index + 1 == bytes.count {
            offsetSeconds = 0
        } else if bytes[index] == 43 || bytes[index] == 45, index + 6 == bytes.count, bytes[index + 3] == 58,
                  let hours = number(index + 1..<index + 3), let minutes = number(index + 4..<index + 6) {
            offsetSeconds = (hours * 3600 + minutes * 60) * (bytes[index] == 45 ? -1 : 1)
        } else {
            return nil
        }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        self.microseconds = seconds * 1_000_000 + micros
    }

    /// `2024-08-21T00:00:00Z`, or with six fraction digits (`…00.123456Z`) when `fractional`.
    public func rfc3339(fractional: Bool = false) -> String {
        rfc3339(fractionDigits: fractional ? 6 : 0)
    }

    /// `2024-08-21T00:00:00Z` with 0 to 6 fraction digits (the fraction is truncated, not rounded); a year outside
    /// 0…9999 is written with as many digits as it needs.
    public func rfc3339(fractionDigits: Int) -> String {
        let totalSeconds = seconds
        let micros = Int(microseconds - totalSeconds * 1_000_000)
        var days = Int(totalSeconds / 86_400)
        var secondOfDay = Int(totalSeconds % 86_400)
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        let (year, month, day) = Timestamp.civil(fromDays: days)
        let digits = min(max(fractionDigits, 0), 6)
        guard (0...9999).contains(year) else {
            func pad(_ value: Int, _ width: Int) -> String {
                let text = String(value)
                return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
            }
            let text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
                + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
            return text + (digits > 0 ? "." + pad(micros, 6).prefix(digits) : "") + "Z"
        }
        // Written byte by byte into one string of its exact length: this runs for every time in every answer.
        var divisor = 1
        for _ in digits..<6 { divisor *= 10 }
        return String(unsafeUninitializedCapacity: 20 + (digits > 0 ? digits + 1 : 0)) { bytes in
            var end = 0
            /// Writes `value` in `width` digits, then `separator`.
            func write(_ value: Int, width: Int, then separator: UInt8) {
                var rest = value
                for position in stride(from: end + width - 1, through: end, by: -1) {
                    bytes[position] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                    rest /= 10
                }
                end += width
                bytes[end] = separator
                end += 1
            }
            write(year, width: 4, then: 45)  // -
            write(month, width: 2, then: 45)
            write(day, width: 2, then: 84)  // T
            write(secondOfDay / 3600, width: 2, then: 58)  // :
            write(secondOfDay / 60 % 60, width: 2, then: 58)
            write(secondOfDay % 60, width: 2, then: digits > 0 ? 46 : 90)  // . or Z
            guard digits > 0 else { return end }
            write(micros / divisor, width: digits, then: 90)
            return end
        }
    }

    /// The RFC 3339 form with microseconds.
    public var description: String { rfc3339(fractional: true) }

    /// Orders by instant.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.microseconds < rhs.microseconds }

    /// Days since 1970-01-01 of a civil date (H. Hinnant's `days_from_civil`).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
