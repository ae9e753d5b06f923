import Foundation
import SuretySchemas

/// Computes a term's lattice frames from installment settings, in the policy's time zone (`semantics.md` §2.3; the
/// platform's algorithm is unpublished, so every rule here is the emulator's [I]).
///
/// - Steps: weekly 7 days, everyOtherWeek 14, thirtyDays 30, everyNDays ``InstallmentSettings/intervalDays`` (default
///   10); monthly, quarterly, semiannually and annually 1, 3, 6 and 12 calendar months, each boundary counted from
///   the first one (so a 31st clamps to the 30th or the 28th/29th and comes back). fullPay is one frame, none none.
/// - Anchors: `none` starts at the term start. `anchorTime` steps from that instant (backwards too). `dayOfMonth`
///   puts month boundaries on that day (clamped), `dayOfWeek` on the first such weekday on or after the stepped date,
///   `weekOfMonth` on the n-th such weekday of each month (a missing fifth is the last); for day cadences those
///   anchors fix the first boundary only. Anchored boundaries keep the term start's local time of day.
/// - `anchorMode` `generateDay` / `dueDay` put the generate / due date on the anchor, so installments start the lead
///   days after it; `termStartDay` puts the installment start there.
/// - A first boundary after the term start leaves a partial first frame; the term's end may cut the last frame.
///   Partial frames weigh their share of a nominal period (local elapsed days) and do not count toward
///   `maxInstallmentsPerTerm`; past the cap, the last counted frame absorbs the rest of the term.
/// - Weights are padded with 1 and normalised; coverage ranges tile the term in proportion to configured weight ×
///   installment length, so equal weights give coverage equal to the installment ranges.
public struct LatticeBuilder: Sendable {
    /// The settings.
    public var settings: InstallmentSettings
    /// The calendar of the policy's time zone.
    public var calendar: LocalCalendar

    /// The most counted frames a lattice has whatever the settings (a daily cadence over ten years is 3,650).
    public static let maxFramesPerLattice = 4_000

    /// Creates a builder.
    public init(settings: InstallmentSettings, timeZoneIdentifier: String) {
        self.settings = settings
        self.calendar = LocalCalendar(timeZoneIdentifier: timeZoneIdentifier)
    }

    enum Step {
        case days(Int)
        case months(Int)
    }

    var step: Step? {
        switch settings.cadence {
        case .none, .fullPay: return nil
        case .weekly: return .days(7)
        case .everyOtherWeek: return .days(14)
        case .thirtyDays: return .days(30)
        case .everyNDays: return .days(max(1, settings.intervalDays ?? InstallmentSettings.defaultIntervalDays))
        case .monthly: return .months(1)
        case .quarterly: return .months(3)
        case .semiannually: return .months(6)
        case .annually: return .months(12)
        }
    }

    /// The frames of `[termStart, termEnd)`.
    public func frames(termStart: Timestamp, termEnd: Timestamp) -> [LatticeFrame] {
        guard termStart < termEnd, settings.cadence != .none else { return [] }
        guard let step else { return finish([(termStart, termEnd, 1, false)], termStart: termStart, termEnd: termEnd) }
        let shift = settings.anchorType == .none ? 0 : (settings.anchorMode == .generateDay ? settings.generateLeadDays
                                                         : settings.anchorMode == .dueDay ? settings.dueLeadDays : 0)
        let origin = anchorOrigin(termStart: termStart)
        let boundary: (Int) -> Timestamp = { k in calendar.adding(days: shift, to: self.boundary(k, from: origin, step: step)) }
        var k = firstIndexGuess(origin: origin, termStart: termStart, step: step, shift: shift)
        while boundary(k) < termStart { k += 1 }
        while k > Int.min / 2, boundary(k - 1) >= termStart { k -= 1 }
        var pieces: [(start: Timestamp, end: Timestamp, weight: Decimal, partial: Bool)] = []
        var cursor = boundary(k)
        if cursor > termStart {
            let nominal = boundary(k - 1)
            pieces.append((termStart, min(cursor, termEnd), fraction(termStart, min(cursor, termEnd), of: nominal, cursor), true))
        }
        var counted = 0
        while cursor < termEnd {
            let next = boundary(k + 1)
            let weight = counted < settings.installmentWeights.count ? settings.installmentWeights[counted] : 1
            if counted + 1 >= min(settings.maxInstallmentsPerTerm ?? Self.maxFramesPerLattice, Self.maxFramesPerLattice) {
                pieces.append((cursor, termEnd, weight, false))
                break
            }
            let truncated = next > termEnd
            pieces.append((cursor, min(next, termEnd), truncated ? weight * fraction(cursor, termEnd, of: cursor, next) : weight, truncated))
            counted += 1
            cursor = next
            k += 1
        }
        return finish(pieces, termStart: termStart, termEnd: termEnd)
    }

    /// The instant the boundaries are counted from: the term start, the anchor time, or the first anchored date.
    func anchorOrigin(termStart: Timestamp) -> Timestamp {
        switch settings.anchorType {
        case .none: return termStart
        case .anchorTime: return settings.anchorTime ?? termStart
        case .dayOfMonth:
            let day = settings.dayOfMonth ?? 1
            let here = calendar.clampedDay(day, monthsAway: 0, from: termStart)
            return here >= termStart ? here : calendar.clampedDay(day, monthsAway: 1, from: termStart)
        case .dayOfWeek:
            return calendar.nextWeekday(settings.dayOfWeek?.calendarWeekday ?? 2, onOrAfter: termStart)
        case .weekOfMonth:
            let weekday = settings.dayOfWeek?.calendarWeekday ?? 2, ordinal = settings.weekOfMonth?.ordinal ?? 1
            let here = calendar.nthWeekday(weekday, ordinal: ordinal, monthsAway: 0, from: termStart)
            return here >= termStart ? here : calendar.nthWeekday(weekday, ordinal: ordinal, monthsAway: 1, from: termStart)
        }
    }

    /// The k-th anchored boundary (k may be negative) before the anchor-mode shift.
    func boundary(_ k: Int, from origin: Timestamp, step: Step) -> Timestamp {
        switch step {
        case .days(let days):
            return calendar.adding(days: k * days, to: origin)
        case .months(let months):
            switch settings.anchorType {
            case .none, .anchorTime: return calendar.adding(months: k * months, to: origin)
            case .dayOfMonth: return calendar.clampedDay(settings.dayOfMonth ?? 1, monthsAway: k * months, from: origin)
            case .dayOfWeek:
                return calendar.nextWeekday(settings.dayOfWeek?.calendarWeekday ?? 2, onOrAfter: calendar.adding(months: k * months, to: origin))
            case .weekOfMonth:
                return calendar.nthWeekday(settings.dayOfWeek?.calendarWeekday ?? 2, ordinal: settings.weekOfMonth?.ordinal ?? 1,
                                           monthsAway: k * months, from: origin)
            }
        }
    }

    /// A boundary index at or before the first boundary not before the term start.
    func firstIndexGuess(origin: Timestamp, termStart: Timestamp, step: Step, shift: Int) -> Int {
        let nominalSeconds: Int64
        switch step {
        case .days(let days): nominalSeconds = Int64(days) * 86_400
        case .months(let months): nominalSeconds = Int64(months) * 28 * 86_400
        }
        let behind = (termStart.seconds - origin.seconds - Int64(shift + 2) * 86_400) / nominalSeconds
        return Int(behind) - 2
    }

    /// `[start, end)` as a share of the nominal period `[nominalStart, nominalEnd)`, in local elapsed days.
    func fraction(_ start: Timestamp, _ end: Timestamp, of nominalStart: Timestamp, _ nominalEnd: Timestamp) -> Decimal {
        let days = DurationCalculator(basis: .days, timeZoneIdentifier: calendar.calendar.timeZone.identifier, termStart: nominalStart)
        let whole = days.duration(from: nominalStart, to: nominalEnd)
        guard whole > 0 else { return 1 }
        return DurationCalculator.rounded(days.duration(from: start, to: end) / whole)
    }

    /// The frames of the pieces: coverage stretched by configured weight, times from the lead days, weights normalised.
    func finish(_ pieces: [(start: Timestamp, end: Timestamp, weight: Decimal, partial: Bool)], termStart: Timestamp,
                termEnd: Timestamp) -> [LatticeFrame] {
        let configured = pieces.enumerated().map { index, piece -> Decimal in
            guard !piece.partial || index > 0 else { return 1 }
            let counted = pieces[..<index].filter { !$0.partial }.count
            return counted < settings.installmentWeights.count ? settings.installmentWeights[counted] : 1
        }
        let total = pieces.reduce(Decimal(0)) { $0 + $1.weight }
        let coverage = Self.coverageBoundaries(pieces.map { ($0.start, $0.end) }, weights: configured, termStart: termStart, termEnd: termEnd)
        return pieces.enumerated().map { index, piece in
            let due = calendar.adding(days: -settings.dueLeadDays, to: piece.start)
            return LatticeFrame(installmentStart: piece.start, installmentEnd: piece.end, coverageStart: coverage[index],
                                coverageEnd: coverage[index + 1], generateTime: calendar.adding(days: -settings.generateLeadDays, to: piece.start),
                                dueTime: due, autopayTime: calendar.subtracting(days: settings.autopayLeadDays, from: due),
                                normalizedWeight: total > 0 ? DurationCalculator.rounded(piece.weight / total) : 0,
                                configuredWeight: configured[index], isPartial: piece.partial)
        }
    }

    /// Coverage boundaries tiling `[termStart, termEnd)` in proportion to weight × length (whole seconds); equal
    /// weights give the installment boundaries themselves.
    static func coverageBoundaries(_ ranges: [(start: Timestamp, end: Timestamp)], weights: [Decimal], termStart: Timestamp,
                                   termEnd: Timestamp) -> [Timestamp] {
        guard let first = weights.first, weights.contains(where: { $0 != first }) else {
            return ranges.map(\.start) + [termEnd]
        }
        let stretched = zip(ranges, weights).map { Decimal($0.end.seconds - $0.start.seconds) * $1 }
        let total = stretched.reduce(Decimal(0), +)
        let span = Decimal(termEnd.seconds - termStart.seconds)
        var boundaries = [termStart]
        var cumulative = Decimal(0)
        for value in stretched.dropLast() {
            cumulative += value
            var exact = span * cumulative / total
            var rounded = Decimal()
            NSDecimalRound(&rounded, &exact, 0, .plain)
            boundaries.append(termStart.adding(seconds: NSDecimalNumber(decimal: rounded).int64Value))
        }
        boundaries.append(termEnd)
        return boundaries
    }
}
