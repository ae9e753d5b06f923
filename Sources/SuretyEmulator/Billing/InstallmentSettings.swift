import Foundation
import SuretySchemas

/// How a term is cut into installment frames (`InstallmentSettings`, `semantics.md` §2.2): a plan's values, with a
/// transaction's `InstallmentPreferences` laid over them.
public struct InstallmentSettings: Sendable, Hashable {
    /// How often an installment falls.
    public enum Cadence: String, Sendable, Hashable, CaseIterable {
        case none, fullPay, weekly, everyOtherWeek, monthly, quarterly, semiannually, annually, thirtyDays, everyNDays
    }

    /// Which date of a frame lies on the anchor: the installment start, its generate date or its due date.
    public enum AnchorMode: String, Sendable, Hashable, CaseIterable {
        case generateDay, termStartDay, dueDay
    }

    /// What the frames are aligned to.
    public enum AnchorType: String, Sendable, Hashable, CaseIterable {
        case none, dayOfMonth, anchorTime, dayOfWeek, weekOfMonth
    }

    /// A day of the week, in the contract's order.
    public enum Weekday: String, Sendable, Hashable, CaseIterable {
        case monday, tuesday, wednesday, thursday, friday, saturday, sunday

        /// Foundation's weekday number (1 is Sunday).
        public var calendarWeekday: Int { self == .sunday ? 1 : (Self.allCases.firstIndex(of: self) ?? 0) + 2 }
    }

    /// The ordinal of a weekday in its month (`WeekOfMonth`, 0–5 in the platform).
    public enum WeekOfMonth: String, Sendable, Hashable, CaseIterable {
        case none, first, second, third, fourth, fifth

        /// 1 for `first` … 5 for `fifth`; nil for `none`.
        public var ordinal: Int? { self == .none ? nil : Self.allCases.firstIndex(of: self) }
    }

    /// The cadence.
    public var cadence: Cadence
    /// Which date sits on the anchor.
    public var anchorMode: AnchorMode
    /// What the frames are aligned to.
    public var anchorType: AnchorType
    /// The instant of an `anchorTime` anchor.
    public var anchorTime: Timestamp?
    /// The day of a `dayOfMonth` anchor, clamped to each month's length.
    public var dayOfMonth: Int?
    /// The weekday of a `dayOfWeek` or `weekOfMonth` anchor.
    public var dayOfWeek: Weekday?
    /// The ordinal of a `weekOfMonth` anchor.
    public var weekOfMonth: WeekOfMonth?
    /// Days before the installment start at which it is invoiced.
    public var generateLeadDays: Int
    /// Days before the installment start at which it falls due.
    public var dueLeadDays: Int
    /// Days before the due time at which autopay runs; may be a decimal, must be > 0 (default 1, [D AP]).
    public var autopayLeadDays: Decimal
    /// Weights of the frames in order; frames past the list weigh 1.
    public var installmentWeights: [Decimal]
    /// The most frames a term has, not counting a partial first frame.
    public var maxInstallmentsPerTerm: Int?
    /// The N of `everyNDays` (the platform's field is undocumented [U]; the emulator's name).
    public var intervalDays: Int?

    /// Creates settings; the defaults are a monthly plan aligned to the term start with no lead days.
    public init(cadence: Cadence = .monthly, anchorMode: AnchorMode = .termStartDay, anchorType: AnchorType = .none,
                anchorTime: Timestamp? = nil, dayOfMonth: Int? = nil, dayOfWeek: Weekday? = nil, weekOfMonth: WeekOfMonth? = nil,
                generateLeadDays: Int = 0, dueLeadDays: Int = 0, autopayLeadDays: Decimal = 1, installmentWeights: [Decimal] = [],
                maxInstallmentsPerTerm: Int? = nil, intervalDays: Int? = nil) {
        self.cadence = cadence
        self.anchorMode = anchorMode
        self.anchorType = anchorType
        self.anchorTime = anchorTime
        self.dayOfMonth = dayOfMonth
        self.dayOfWeek = dayOfWeek
        self.weekOfMonth = weekOfMonth
        self.generateLeadDays = generateLeadDays
        self.dueLeadDays = dueLeadDays
        self.autopayLeadDays = autopayLeadDays
        self.installmentWeights = installmentWeights
        self.maxInstallmentsPerTerm = maxInstallmentsPerTerm
        self.intervalDays = intervalDays
    }

    /// The `everyNDays` interval when none is given.
    public static let defaultIntervalDays = 10
    /// The most days a lead (`generateLeadDays`, `dueLeadDays`, `autopayLeadDays`) or an `everyNDays` interval may
    /// be (ten years): beyond it the calendar arithmetic would leave the range of dates.
    public static let maxDays = 3_660

    /// What is wrong with the settings, in words; empty when they can build a lattice.
    public var problems: [String] {
        var found: [String] = []
        if let day = dayOfMonth, !(1...31).contains(day) { found.append("dayOfMonth must be 1–31, found \(day)") }
        if anchorType == .dayOfMonth && dayOfMonth == nil { found.append("anchorType dayOfMonth needs dayOfMonth") }
        if anchorType == .anchorTime && anchorTime == nil { found.append("anchorType anchorTime needs anchorTime") }
        if [.dayOfWeek, .weekOfMonth].contains(anchorType) && dayOfWeek == nil { found.append("anchorType \(anchorType.rawValue) needs dayOfWeek") }
        if anchorType == .weekOfMonth && (weekOfMonth ?? WeekOfMonth.none) == WeekOfMonth.none { found.append("anchorType weekOfMonth needs weekOfMonth first–fifth") }
        if generateLeadDays < 0 || dueLeadDays < 0 { found.append("generateLeadDays and dueLeadDays must be ≥ 0") }
        if generateLeadDays < dueLeadDays {
            found.append("generateLeadDays (\(generateLeadDays)) must be ≥ dueLeadDays (\(dueLeadDays)): an installment is not generated after it is due")
        }
        if generateLeadDays > Self.maxDays || dueLeadDays > Self.maxDays || autopayLeadDays > Decimal(Self.maxDays) {
            found.append("lead days must be at most \(Self.maxDays)")
        }
        if autopayLeadDays <= 0 { found.append("autopayLeadDays must be > 0") }
        if installmentWeights.contains(where: { $0 <= 0 }) { found.append("installmentWeights must be > 0") }
        if let max = maxInstallmentsPerTerm, max < 1 { found.append("maxInstallmentsPerTerm must be ≥ 1, found \(max)") }
        if let days = intervalDays, !(1...Self.maxDays).contains(days) { found.append("intervalDays must be 1–\(Self.maxDays), found \(days)") }
        return found
    }
}
