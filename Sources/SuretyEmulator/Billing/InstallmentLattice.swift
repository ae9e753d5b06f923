import Foundation
import SuretySchemas

/// One frame of a lattice: the installment range, the coverage range the weights stretch it to, and its times.
public struct LatticeFrame: Sendable, Hashable {
    /// Where the installment starts.
    public var installmentStart: Timestamp
    /// Where it ends.
    public var installmentEnd: Timestamp
    /// Where the coverage it bills starts.
    public var coverageStart: Timestamp
    /// Where that coverage ends.
    public var coverageEnd: Timestamp
    /// When it is invoiced: the start minus `generateLeadDays`.
    public var generateTime: Timestamp
    /// When it falls due: the start minus `dueLeadDays`.
    public var dueTime: Timestamp
    /// When autopay runs: the due time minus `autopayLeadDays`.
    public var autopayTime: Timestamp
    /// Its weight over the sum of the lattice's weights.
    public var normalizedWeight: Decimal
    /// The weight as configured (1 past the list, 1 for a partial first frame): what stretches the coverage.
    public var configuredWeight: Decimal
    /// Whether it is a partial frame (before the first anchor, or cut by the term's end), not counted by the cap.
    public var isPartial: Bool

    /// Creates a frame.
    public init(installmentStart: Timestamp, installmentEnd: Timestamp, coverageStart: Timestamp, coverageEnd: Timestamp,
                generateTime: Timestamp, dueTime: Timestamp, autopayTime: Timestamp, normalizedWeight: Decimal,
                configuredWeight: Decimal = 1, isPartial: Bool = false) {
        self.installmentStart = installmentStart
        self.installmentEnd = installmentEnd
        self.coverageStart = coverageStart
        self.coverageEnd = coverageEnd
        self.generateTime = generateTime
        self.dueTime = dueTime
        self.autopayTime = autopayTime
        self.normalizedWeight = normalizedWeight
        self.configuredWeight = configuredWeight
        self.isPartial = isPartial
    }
}

/// A term's installment lattice (`InstallmentLatticeResponse`): the frames its charges are spread over.
///
/// One per term; a renewal's term gets its own, a plan change replaces it (``basedOnLocator`` names the one it
/// replaced), and a reversal gets a reversal lattice holding the frames of the installments it negates.
public struct InstallmentLattice: Sendable, Hashable {
    /// The lattice's locator.
    public var locator: String
    /// The account billed.
    public var accountLocator: String
    /// The policy, for a policy's lattice.
    public var policyLocator: String?
    /// The term.
    public var termLocator: String?
    /// The quote, for a quote's lattice.
    public var quoteLocator: String?
    /// The lattice it replaced or, for a reversal lattice, the one whose installments it negates.
    public var basedOnLocator: String?
    /// Its settings record.
    public var settingsLocator: String
    /// The settings its frames were computed from.
    public var settings: InstallmentSettings
    /// The transaction that made it (nil for a quote's).
    public var originTransactionLocator: String?
    /// From when it applies: the term start, or the effective time of the change that made it.
    public var effectiveTime: Timestamp
    /// The currency.
    public var currency: String
    /// The IANA time zone its frames were computed in.
    public var timeZone: String
    /// The duration basis of its durations.
    public var durationBasis: DurationBasis
    /// Whether it is a reversal lattice.
    public var isReversal: Bool
    /// The term's start.
    public var termStart: Timestamp
    /// The term's end.
    public var termEnd: Timestamp
    /// When it was created.
    public var createdAt: Timestamp
    /// Who created it.
    public var createdBy: String
    /// Its frames, in time order.
    public var frames: [LatticeFrame]

    /// Creates a lattice.
    public init(locator: String, accountLocator: String, policyLocator: String?, termLocator: String?, quoteLocator: String?,
                basedOnLocator: String?, settingsLocator: String, settings: InstallmentSettings, originTransactionLocator: String?,
                effectiveTime: Timestamp, currency: String, timeZone: String, durationBasis: DurationBasis, isReversal: Bool,
                termStart: Timestamp, termEnd: Timestamp, createdAt: Timestamp, createdBy: String, frames: [LatticeFrame]) {
        self.locator = locator
        self.accountLocator = accountLocator
        self.policyLocator = policyLocator
        self.termLocator = termLocator
        self.quoteLocator = quoteLocator
        self.basedOnLocator = basedOnLocator
        self.settingsLocator = settingsLocator
        self.settings = settings
        self.originTransactionLocator = originTransactionLocator
        self.effectiveTime = effectiveTime
        self.currency = currency
        self.timeZone = timeZone
        self.durationBasis = durationBasis
        self.isReversal = isReversal
        self.termStart = termStart
        self.termEnd = termEnd
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.frames = frames
    }
}

/// A stored settings record (`Settings` / `SettingsResponse`), one per lattice.
public struct SettingsRecord: Sendable, Hashable {
    /// The record's locator.
    public var locator: String
    /// The settings.
    public var settings: InstallmentSettings
    /// When it was created.
    public var createdAt: Timestamp
    /// Who created it.
    public var createdBy: String
}
