import SuretySchemas
/// An underwriting flag on a transaction; cleared flags keep who cleared them and when (`semantics.md` §1.5).
public struct UnderwritingFlag: Sendable, Hashable {
    /// The five flag levels.
    public enum Level: String, Sendable, Hashable, CaseIterable {
        case info, block, decline, reject, approve
    }

    /// The flag's locator.
    public var locator: String
    /// The transaction it is on.
    public var referenceLocator: String
    /// Its level.
    public var level: Level
    /// Its note.
    public var note: String
    /// The element it concerns, when one.
    public var elementLocator: String?
    /// Who added it.
    public var createdBy: String
    /// When it was added.
    public var createdTime: Timestamp
    /// Who cleared it.
    public var clearedBy: String?
    /// When it was cleared; a cleared flag has no effect.
    public var clearedTime: Timestamp?

    /// Creates an active flag.
    public init(locator: String, referenceLocator: String, level: Level, note: String, elementLocator: String?,
                createdBy: String, createdTime: Timestamp) {
        self.locator = locator
        self.referenceLocator = referenceLocator
        self.level = level
        self.note = note
        self.elementLocator = elementLocator
        self.createdBy = createdBy
        self.createdTime = createdTime
    }

    /// Whether the flag still has effect.
    public var isActive: Bool { clearedTime == nil }
}
