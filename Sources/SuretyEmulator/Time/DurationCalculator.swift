import Foundation
import SuretySchemas

/// Computes durations as decimals in a policy's ``DurationBasis``, in the policy's time zone (`semantics.md` §2.5).
///
/// Months follow the platform's `TimeService` [S CDM]: `m(a, b)` is the whole months from `a` to `b` plus
/// `(b.day − min(daysIn(b.month), a.day)) days + time-of-day difference`, divided by the days of `b`'s month; a
/// period that does not start at the term start is `m(termStart, end) − m(termStart, start)`. Years are months ÷ 12;
/// days, weeks and hours are local elapsed time ÷ 1 day, ÷ 7 or × 24. Results are rounded half-even to 15 places.
public struct DurationCalculator: Sendable {
    /// The unit.
    public var basis: DurationBasis
    /// The policy's time zone.
    public var timeZone: TimeZone
    /// The start of the term the periods lie in (the anchor of month counting).
    public var termStart: Timestamp

    /// Creates a calculator; an unknown time zone identifier falls back to UTC.
    public init(basis: DurationBasis, timeZoneIdentifier: String, termStart: Timestamp) {
        self.basis = basis
        self.timeZone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0)!
        self.termStart = termStart
    }

    /// The duration of `[start, end)` in the basis.
    public func duration(from start: Timestamp, to end: Timestamp) -> Decimal {
        switch basis {
        case .months: return Self.rounded(months(from: start, to: end))
        case .years: return Self.rounded(months(from: start, to: end) / 12)
        case .days: return Self.rounded(localDays(from: start, to: end))
        case .weeks: return Self.rounded(localDays(from: start, to: end) / 7)
        case .hours: return Self.rounded(localDays(from: start, to: end) * 24)
        }
    }

    /// Months of `[start, end)`, anchored at the term start.
    func months(from start: Timestamp, to end: Timestamp) -> Decimal {
        start == termStart ? monthsSince(termStart, end) : monthsSince(termStart, end) - monthsSince(termStart, start)
    }

    /// `m(a, b)` of the platform's `TimeService`.
    func monthsSince(_ a: Timestamp, _ b: Timestamp) -> Decimal {
        let left = local(a)
        let right = local(b)
        let wholeMonths = (right.year - left.year) * 12 + (right.month - left.month)
        let monthDays = Formats.daysIn(month: right.month, year: right.year)
        let remainder = Int64(right.day - min(monthDays, left.day)) * 86_400 + right.secondOfDay - left.secondOfDay
        return Decimal(wholeMonths) + Decimal(remainder) / Decimal(Int64(monthDays) * 86_400)
    }

    /// Local elapsed days: UTC elapsed time corrected by the change of UTC offset between the two instants.
    func localDays(from start: Timestamp, to end: Timestamp) -> Decimal {
        let offsetChange = Int64(offset(end) - offset(start)) * 1_000_000
        return Decimal(end.microseconds - start.microseconds + offsetChange) / Decimal(Int64(86_400_000_000))
    }

    private func offset(_ instant: Timestamp) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.seconds)))
    }

    private func local(_ instant: Timestamp) -> (year: Int, month: Int, day: Int, secondOfDay: Int64) {
        let shifted = instant.microseconds + Int64(offset(instant)) * 1_000_000
        let seconds = Timestamp(microseconds: shifted).seconds
        var days = Int(seconds / 86_400)
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        let civil = Timestamp.civil(fromDays: days)
        return (civil.year, civil.month, civil.day, secondOfDay)
    }

    /// Rounds half-even to 15 decimal places, as the platform does.
    static func rounded(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 15, .bankers)
        return output
    }

    /// Adds calendar months in the time zone, clamping the day to the month's length (a term's natural length).
    public func adding(months: Int, to instant: Timestamp) -> Timestamp {
        let parts = local(instant)
        let total = parts.year * 12 + (parts.month - 1) + months
        let year = total / 12
        let month = total % 12 + 1
        let day = min(parts.day, Formats.daysIn(month: month, year: year))
        let localSeconds = Int64(Timestamp.daysFromCivil(year: year, month: month, day: day)) * 86_400 + parts.secondOfDay
        let guess = Timestamp(seconds: localSeconds)
        return Timestamp(seconds: localSeconds - Int64(offset(guess)))
    }

    /// The whole months from `start` to `end` when `end` is exactly that many calendar months later, else nil.
    public func wholeMonths(from start: Timestamp, to end: Timestamp) -> Int? {
        let value = monthsSince(start, end)
        let count = NSDecimalNumber(decimal: value).intValue
        guard count > 0, adding(months: count, to: start) == end else { return nil }
        return count
    }
}
