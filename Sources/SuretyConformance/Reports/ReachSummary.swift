/// Which endpoints a run reached (a documented success to a request meant to succeed), how, and why not; the run
/// fails when it reached none, or fewer than the bar `--min-reached` sets.
public struct ReachSummary: Sendable, Hashable {
    /// One endpoint's reach.
    public struct Entry: Sendable, Hashable {
        /// The endpoint's id.
        public var id: String
        /// Whether the run could send it a request (not excluded, not a write of a read-only run).
        public var inScope: Bool
        /// Whether it answered a documented success.
        public var reached: Bool
        /// How it was reached (which locator, found where), or why it was not.
        public var how: String

        /// Creates an entry.
        public init(id: String, inScope: Bool, reached: Bool, how: String) {
            self.id = id
            self.inScope = inScope
            self.reached = reached
            self.how = how
        }
    }

    /// Every endpoint of the contract, in its order.
    public var endpoints: [Entry]
    /// The fewest endpoints the run must reach (`--min-reached`); nil asks only for one.
    public var minimum: ReachBar?

    /// Creates a summary.
    public init(endpoints: [Entry], minimum: ReachBar? = nil) {
        self.endpoints = endpoints
        self.minimum = minimum
    }

    /// How many endpoints the run could send a request to.
    public var inScopeCount: Int { endpoints.filter(\.inScope).count }
    /// How many endpoints answered a documented success.
    public var reachedCount: Int { endpoints.filter(\.reached).count }
    /// How many endpoints the run must reach: the bar, or one when the run could reach any.
    public var requiredCount: Int {
        let floor = inScopeCount > 0 ? 1 : 0
        return max(floor, minimum?.required(of: inScopeCount) ?? 0)
    }
    /// Whether the run reached enough.
    public var isEnough: Bool { reachedCount >= requiredCount }
}

/// The fewest endpoints a run must reach: a count, or a percentage of the endpoints in scope (`--min-reached 30`,
/// `--min-reached 40%`).
public enum ReachBar: Sendable, Hashable, CustomStringConvertible {
    /// At least this many endpoints.
    case count(Int)
    /// At least this percentage of the endpoints in scope, rounded up.
    case percent(Int)

    /// Reads `N` or `N%`; nil when it is neither (or the percentage is over 100).
    public init?(parsing text: String) {
        if text.hasSuffix("%") {
            guard let value = Int(text.dropLast()), (0...100).contains(value) else { return nil }
            self = .percent(value)
        } else {
            guard let value = Int(text), value >= 0 else { return nil }
            self = .count(value)
        }
    }

    /// How many endpoints of `total` the bar asks for.
    public func required(of total: Int) -> Int {
        switch self {
        case .count(let count): return count
        case .percent(let percent): return (total * percent + 99) / 100
        }
    }

    /// `30` or `40%`.
    public var description: String {
        switch self {
        case .count(let count): return String(count)
        case .percent(let percent): return "\(percent)%"
        }
    }
}
