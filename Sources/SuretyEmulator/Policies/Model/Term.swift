import SuretySchemas
/// One term of a policy: `[startTime, endTime)` with its ordinal (`semantics.md` §3).
public struct Term: Sendable, Hashable {
    /// The term's locator.
    public var locator: String
    /// The locator that persists when a term is superseded.
    public var staticLocator: String
    /// The policy.
    public var policyLocator: String
    /// The ordinal; the emulator counts from 1 (`semantics.md` §3 leaves 0 or 1 unknown), see ``EmulatorOptions``.
    public var number: Int
    /// When the term starts.
    public var startTime: Timestamp
    /// When the term ends.
    public var endTime: Timestamp
    /// The term before, for renewals.
    public var previousTermLocator: String?
    /// The entity-numbering string, when one was set.
    public var termNumber: String?
    /// The renewal transaction that created the term, until it is issued; nil for issued terms.
    public var pendingRenewalLocator: String?
    /// The term this one replaces: an out-of-sequence change reapplied the renewal that made it.
    public var supersedesTermLocator: String?

    /// Creates a term.
    public init(locator: String, staticLocator: String, policyLocator: String, number: Int, startTime: Timestamp,
                endTime: Timestamp, previousTermLocator: String? = nil, termNumber: String? = nil,
                pendingRenewalLocator: String? = nil) {
        self.locator = locator
        self.staticLocator = staticLocator
        self.policyLocator = policyLocator
        self.number = number
        self.startTime = startTime
        self.endTime = endTime
        self.previousTermLocator = previousTermLocator
        self.termNumber = termNumber
        self.pendingRenewalLocator = pendingRenewalLocator
    }
}
