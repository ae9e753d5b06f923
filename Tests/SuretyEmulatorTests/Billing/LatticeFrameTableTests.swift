import Foundation
import SuretyEmulator
import SuretySchemas
import Testing

/// Lattice frames for every cadence and anchor, the expected installment ranges written out by hand and checked
/// against a calendar (2024 is a leap year: February has 29 days; 1 January 2024 is a Monday; New York moves to
/// daylight time on 10 March 2024 and back on 3 November 2024).
@Suite struct LatticeFrameTableTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let settings: InstallmentSettings
        var zone = "UTC"
        let start: String
        let end: String
        /// `start … end` of each frame; a bare date is midnight UTC.
        let frames: [(String, String)]
        var testDescription: String { name }
    }

    static func time(_ text: String) -> Timestamp {
        Timestamp(rfc3339: text.count == 10 ? text + "T00:00:00Z" : text)!
    }

    static let weekly = InstallmentSettings(cadence: .weekly)
    static let monthly = InstallmentSettings(cadence: .monthly)

    static let cases: [Case] = [
        Case(name: "fullPay: one frame over the term", settings: .init(cadence: .fullPay), start: "2024-08-21", end: "2025-08-21",
             frames: [("2024-08-21", "2025-08-21")]),
        Case(name: "none: no frames", settings: .init(cadence: .none), start: "2024-08-21", end: "2025-08-21", frames: []),
        Case(name: "monthly from the 31st clamps to 29 February (leap year) and comes back to the 31st", settings: monthly,
             start: "2024-01-31", end: "2024-05-31",
             frames: [("2024-01-31", "2024-02-29"), ("2024-02-29", "2024-03-31"), ("2024-03-31", "2024-04-30"), ("2024-04-30", "2024-05-31")]),
        Case(name: "monthly from the 31st in a common year clamps to 28 February", settings: monthly, start: "2023-01-31", end: "2023-04-30",
             frames: [("2023-01-31", "2023-02-28"), ("2023-02-28", "2023-03-31"), ("2023-03-31", "2023-04-30")]),
        Case(name: "monthly in New York keeps local midnight across the March change", settings: monthly, zone: "America/New_York",
             start: "2024-01-15T05:00:00Z", end: "2024-04-15T04:00:00Z",
             frames: [("2024-01-15T05:00:00Z", "2024-02-15T05:00:00Z"), ("2024-02-15T05:00:00Z", "2024-03-15T04:00:00Z"),
                      ("2024-03-15T04:00:00Z", "2024-04-15T04:00:00Z")]),
        Case(name: "weekly in New York: the week of 10 March 2024 is 167 hours", settings: weekly, zone: "America/New_York",
             start: "2024-03-01T05:00:00Z", end: "2024-03-29T04:00:00Z",
             frames: [("2024-03-01T05:00:00Z", "2024-03-08T05:00:00Z"), ("2024-03-08T05:00:00Z", "2024-03-15T04:00:00Z"),
                      ("2024-03-15T04:00:00Z", "2024-03-22T04:00:00Z"), ("2024-03-22T04:00:00Z", "2024-03-29T04:00:00Z")]),
        Case(name: "everyOtherWeek", settings: .init(cadence: .everyOtherWeek), start: "2024-01-01", end: "2024-02-26",
             frames: [("2024-01-01", "2024-01-15"), ("2024-01-15", "2024-01-29"), ("2024-01-29", "2024-02-12"), ("2024-02-12", "2024-02-26")]),
        Case(name: "thirtyDays crosses 29 February; the term's end cuts the last frame", settings: .init(cadence: .thirtyDays),
             start: "2024-01-01", end: "2024-04-01",
             frames: [("2024-01-01", "2024-01-31"), ("2024-01-31", "2024-03-01"), ("2024-03-01", "2024-03-31"), ("2024-03-31", "2024-04-01")]),
        Case(name: "everyNDays with intervalDays 10", settings: .init(cadence: .everyNDays, intervalDays: 10), start: "2024-02-20", end: "2024-03-12",
             frames: [("2024-02-20", "2024-03-01"), ("2024-03-01", "2024-03-11"), ("2024-03-11", "2024-03-12")]),
        Case(name: "quarterly", settings: .init(cadence: .quarterly), start: "2024-08-21", end: "2025-08-21",
             frames: [("2024-08-21", "2024-11-21"), ("2024-11-21", "2025-02-21"), ("2025-02-21", "2025-05-21"), ("2025-05-21", "2025-08-21")]),
        Case(name: "semiannually from 29 February: 29 August, 28 February, 29 August", settings: .init(cadence: .semiannually),
             start: "2024-02-29", end: "2026-02-28",
             frames: [("2024-02-29", "2024-08-29"), ("2024-08-29", "2025-02-28"), ("2025-02-28", "2025-08-29"), ("2025-08-29", "2026-02-28")]),
        Case(name: "annually from 29 February", settings: .init(cadence: .annually), start: "2024-02-29", end: "2027-02-28",
             frames: [("2024-02-29", "2025-02-28"), ("2025-02-28", "2026-02-28"), ("2026-02-28", "2027-02-28")]),
        Case(name: "dayOfMonth 31: a partial first frame to 31 January, then month ends", settings: .init(cadence: .monthly, anchorType: .dayOfMonth, dayOfMonth: 31),
             start: "2024-01-15", end: "2024-05-15",
             frames: [("2024-01-15", "2024-01-31"), ("2024-01-31", "2024-02-29"), ("2024-02-29", "2024-03-31"), ("2024-03-31", "2024-04-30"),
                      ("2024-04-30", "2024-05-15")]),
        Case(name: "anchorTime 2024-03-22, quarterly (the docs' example) on a term from 21 August",
             settings: .init(cadence: .quarterly, anchorType: .anchorTime, anchorTime: time("2024-03-22")), start: "2024-08-21", end: "2025-08-21",
             frames: [("2024-08-21", "2024-09-22"), ("2024-09-22", "2024-12-22"), ("2024-12-22", "2025-03-22"), ("2025-03-22", "2025-06-22"),
                      ("2025-06-22", "2025-08-21")]),
        Case(name: "dayOfWeek friday, weekly from Tuesday 5 March", settings: .init(cadence: .weekly, anchorType: .dayOfWeek, dayOfWeek: .friday),
             start: "2024-03-05", end: "2024-03-26",
             frames: [("2024-03-05", "2024-03-08"), ("2024-03-08", "2024-03-15"), ("2024-03-15", "2024-03-22"), ("2024-03-22", "2024-03-26")]),
        Case(name: "weekOfMonth third thursday: 18 January, 15 February, 21 March, 18 April",
             settings: .init(cadence: .monthly, anchorType: .weekOfMonth, dayOfWeek: .thursday, weekOfMonth: .third), start: "2024-01-01", end: "2024-05-01",
             frames: [("2024-01-01", "2024-01-18"), ("2024-01-18", "2024-02-15"), ("2024-02-15", "2024-03-21"), ("2024-03-21", "2024-04-18"),
                      ("2024-04-18", "2024-05-01")]),
        Case(name: "weekOfMonth fifth friday: months without one take their last (26 January, 23 February), March has 29",
             settings: .init(cadence: .monthly, anchorType: .weekOfMonth, dayOfWeek: .friday, weekOfMonth: .fifth), start: "2024-01-01", end: "2024-04-01",
             frames: [("2024-01-01", "2024-01-26"), ("2024-01-26", "2024-02-23"), ("2024-02-23", "2024-03-29"), ("2024-03-29", "2024-04-01")]),
        Case(name: "anchorMode generateDay: invoices on the 1st, installments start 5 days later",
             settings: .init(cadence: .monthly, anchorMode: .generateDay, anchorType: .dayOfMonth, dayOfMonth: 1, generateLeadDays: 5),
             start: "2024-01-01", end: "2024-04-01",
             frames: [("2024-01-01", "2024-01-06"), ("2024-01-06", "2024-02-06"), ("2024-02-06", "2024-03-06"), ("2024-03-06", "2024-04-01")]),
        Case(name: "anchorMode dueDay: due on the 15th, installments start 3 days later",
             settings: .init(cadence: .monthly, anchorMode: .dueDay, anchorType: .dayOfMonth, dayOfMonth: 15, dueLeadDays: 3),
             start: "2024-01-01", end: "2024-03-01",
             frames: [("2024-01-01", "2024-01-18"), ("2024-01-18", "2024-02-18"), ("2024-02-18", "2024-03-01")]),
        Case(name: "maxInstallmentsPerTerm 3: the third frame absorbs the rest of the term", settings: .init(cadence: .monthly, maxInstallmentsPerTerm: 3),
             start: "2024-01-01", end: "2025-01-01", frames: [("2024-01-01", "2024-02-01"), ("2024-02-01", "2024-03-01"), ("2024-03-01", "2025-01-01")]),
        Case(name: "maxInstallmentsPerTerm 2 does not count the partial first frame",
             settings: .init(cadence: .monthly, anchorType: .dayOfMonth, dayOfMonth: 1, maxInstallmentsPerTerm: 2), start: "2024-01-15", end: "2024-06-01",
             frames: [("2024-01-15", "2024-02-01"), ("2024-02-01", "2024-03-01"), ("2024-03-01", "2024-06-01")]),
    ]

    @Test("frames", arguments: cases)
    func frames(_ example: Case) {
        let frames = LatticeBuilder(settings: example.settings, timeZoneIdentifier: example.zone)
            .frames(termStart: Self.time(example.start), termEnd: Self.time(example.end))
        let got = frames.map { "\($0.installmentStart.rfc3339()) … \($0.installmentEnd.rfc3339())" }
        let expected = example.frames.map { "\(Self.time($0.0).rfc3339()) … \(Self.time($0.1).rfc3339())" }
        #expect(got == expected)
        #expect(frames.map(\.coverageStart) == frames.map(\.installmentStart), "equal weights: coverage is the installment range")
    }

    @Test("generate, due and autopay times count local days back from the start; autopay may be a decimal")
    func times() throws {
        let settings = InstallmentSettings(cadence: .monthly, generateLeadDays: 10, dueLeadDays: 2, autopayLeadDays: Decimal(string: "1.5")!)
        let utc = LatticeBuilder(settings: settings, timeZoneIdentifier: "UTC").frames(termStart: Self.time("2024-02-01"), termEnd: Self.time("2024-04-01"))
        let march = try #require(utc.last)
        #expect(march.generateTime == Self.time("2024-02-20"))
        #expect(march.dueTime == Self.time("2024-02-28"))
        #expect(march.autopayTime == Self.time("2024-02-26T12:00:00Z"))
        let york = LatticeBuilder(settings: InstallmentSettings(cadence: .fullPay, generateLeadDays: 3), timeZoneIdentifier: "America/New_York")
            .frames(termStart: Self.time("2024-03-12T04:00:00Z"), termEnd: Self.time("2024-04-12T04:00:00Z"))
        #expect(york.first?.generateTime == Self.time("2024-03-09T05:00:00Z"), "local midnight before the change is 05:00Z")
    }

    @Test("weights are padded with 1 and normalised: quarterly [3, 2] is 3/7, 2/7, 1/7, 1/7")
    func weights() {
        let frames = LatticeBuilder(settings: .init(cadence: .quarterly, installmentWeights: [3, 2]), timeZoneIdentifier: "UTC")
            .frames(termStart: Self.time("2024-08-21"), termEnd: Self.time("2025-08-21"))
        #expect(frames.map { "\($0.normalizedWeight)" } == ["0.428571428571429", "0.285714285714286", "0.142857142857143", "0.142857142857143"])
        #expect(frames.first?.coverageStart == Self.time("2024-08-21"))
        #expect(frames.last?.coverageEnd == Self.time("2025-08-21"))
        #expect(zip(frames, frames.dropFirst()).allSatisfy { $0.coverageEnd == $1.coverageStart }, "coverage tiles the term")
        let first = frames[0].coverageEnd.seconds - frames[0].coverageStart.seconds
        let second = frames[1].coverageEnd.seconds - frames[1].coverageStart.seconds
        #expect(first > frames[0].installmentEnd.seconds - frames[0].installmentStart.seconds, "weight 3 stretches the first coverage")
        #expect(abs(Double(first) / Double(second) - 1.5) < 0.001, "both 92-day quarters: coverage in the ratio 3 : 2")
    }

    @Test("partial frames weigh their share of a nominal month: 16/31 and 15/31 around three whole months")
    func partialWeights() {
        let frames = LatticeBuilder(settings: .init(cadence: .monthly, anchorType: .dayOfMonth, dayOfMonth: 31), timeZoneIdentifier: "UTC")
            .frames(termStart: Self.time("2024-01-15"), termEnd: Self.time("2024-05-15"))
        #expect(frames.map { "\($0.normalizedWeight)" } == ["0.129032258064516", "0.25", "0.25", "0.25", "0.120967741935484"])
        #expect(frames.map(\.isPartial) == [true, false, false, false, true])
    }
}

/// The calendar facts the table's hand-written dates rely on, checked with Foundation's Gregorian calendar.
@Suite struct CalendarFactsTests {
    static func weekday(_ text: String, zone: String = "UTC") -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        return calendar.component(.weekday, from: Date(timeIntervalSince1970: Double(LatticeFrameTableTests.time(text).seconds)))
    }

    @Test("weekdays, month lengths and New York's 2024 offsets are what the table assumes")
    func facts() {
        #expect(Self.weekday("2024-01-01") == 2, "Monday")
        #expect(["2024-01-18", "2024-02-15", "2024-03-21", "2024-04-18"].map { Self.weekday($0) } == [5, 5, 5, 5], "Thursdays")
        #expect(["2024-01-26", "2024-02-23", "2024-03-29", "2024-03-08", "2024-03-15"].map { Self.weekday($0) } == [6, 6, 6, 6, 6], "Fridays")
        #expect(Self.weekday("2024-03-05") == 3, "Tuesday")
        #expect(Formats.daysIn(month: 2, year: 2024) == 29 && Formats.daysIn(month: 2, year: 2023) == 28)
        let york = TimeZone(identifier: "America/New_York")!
        let offset = { (text: String) in york.secondsFromGMT(for: Date(timeIntervalSince1970: Double(LatticeFrameTableTests.time(text).seconds))) }
        #expect(offset("2024-03-10T06:00:00Z") == -18_000 && offset("2024-03-10T08:00:00Z") == -14_400, "daylight time from 10 March 2024, 07:00Z")
    }
}
