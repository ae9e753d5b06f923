import Foundation
import SuretySchemas

/// Calendar arithmetic in a policy's time zone with Foundation's Gregorian calendar: days and months added keep the
/// local wall-clock time across daylight-saving changes, and month steps clamp the day to the month's length.
public struct LocalCalendar: Sendable {
    /// The calendar, in the policy's time zone.
    public let calendar: Calendar

    /// A calendar for an IANA zone; an unknown identifier falls back to UTC (as ``DurationCalculator`` does).
    public init(timeZoneIdentifier: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0)!
        self.calendar = calendar
    }

    func date(_ instant: Timestamp) -> Date { Date(timeIntervalSince1970: Double(instant.seconds)) }

    func timestamp(_ date: Date) -> Timestamp { Timestamp(seconds: Int64(date.timeIntervalSince1970.rounded())) }

    /// `instant` moved by whole local days (negative goes back).
    public func adding(days: Int, to instant: Timestamp) -> Timestamp {
        guard days != 0 else { return instant }
        return calendar.date(byAdding: .day, value: days, to: date(instant)).map(timestamp) ?? instant.adding(seconds: Int64(days) * 86_400)
    }

    /// `instant` moved by calendar months, the day clamped to the target month's length.
    public func adding(months: Int, to instant: Timestamp) -> Timestamp {
        guard months != 0 else { return instant }
        return calendar.date(byAdding: .month, value: months, to: date(instant)).map(timestamp) ?? instant
    }

    /// `instant` moved back by a decimal number of days: whole local days, then the fraction as elapsed time.
    public func subtracting(days: Decimal, from instant: Timestamp) -> Timestamp {
        var value = days
        var whole = Decimal()
        NSDecimalRound(&whole, &value, 0, .down)
        let fractionSeconds = NSDecimalNumber(decimal: (days - whole) * 86_400).doubleValue.rounded()
        return adding(days: -NSDecimalNumber(decimal: whole).intValue, to: instant).adding(seconds: -Int64(fractionSeconds))
    }

    /// The local year, month, day and weekday (1 is Sunday) of an instant.
    public func parts(of instant: Timestamp) -> (year: Int, month: Int, day: Int, weekday: Int) {
        let components = calendar.dateComponents([.year, .month, .day, .weekday], from: date(instant))
        return (components.year ?? 1970, components.month ?? 1, components.day ?? 1, components.weekday ?? 1)
    }

    /// The number of days in a local month.
    public func daysIn(year: Int, month: Int) -> Int { Formats.daysIn(month: month, year: year) }

    /// The instant of a local date (month may overflow into later years) at the local time of day of `reference`.
    public func instant(year: Int, month: Int, day: Int, timeOf reference: Timestamp) -> Timestamp {
        let start = parts(of: reference)
        let monthsAway = (year - start.year) * 12 + (month - start.month)
        let firstOfMonth = adding(days: 1 - start.day, to: reference)
        let target = adding(months: monthsAway, to: firstOfMonth)
        return adding(days: day - 1, to: target)
    }

    /// The date in the month `monthsAway` from `reference`'s month on `day` clamped to that month's length.
    public func clampedDay(_ day: Int, monthsAway: Int, from reference: Timestamp) -> Timestamp {
        let start = parts(of: reference)
        let total = start.year * 12 + (start.month - 1) + monthsAway
        let year = total / 12, month = total % 12 + 1
        return instant(year: year, month: month, day: min(day, daysIn(year: year, month: month)), timeOf: reference)
    }

    /// The `ordinal`-th `weekday` (1 is Sunday) of the month `monthsAway` from `reference`'s month; a fifth that the
    /// month lacks is its last one.
    public func nthWeekday(_ weekday: Int, ordinal: Int, monthsAway: Int, from reference: Timestamp) -> Timestamp {
        let first = clampedDay(1, monthsAway: monthsAway, from: reference)
        let parts = parts(of: first)
        let offset = (weekday - parts.weekday + 7) % 7
        var day = 1 + offset + 7 * (ordinal - 1)
        while day > daysIn(year: parts.year, month: parts.month) { day -= 7 }
        return adding(days: day - 1, to: first)
    }

    /// The first local date on or after `instant` whose weekday is `weekday` (1 is Sunday), at the same time of day.
    public func nextWeekday(_ weekday: Int, onOrAfter instant: Timestamp) -> Timestamp {
        adding(days: (weekday - parts(of: instant).weekday + 7) % 7, to: instant)
    }
}
