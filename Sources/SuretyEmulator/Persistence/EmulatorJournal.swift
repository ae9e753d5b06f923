/// Where an emulator writes each change before making it, so that replaying the entries rebuilds its state: all the
/// business rules see of persistence. The file behind `serve --emulate --state DIR` (`StateJournal`) lives at the
/// edge, in SuretyEmulatorState.
///
/// The emulator calls it only under its lock, so a conformer needs no lock of its own for that.
public protocol EmulatorJournal: AnyObject, Sendable {
    /// Names the journal in messages (its file).
    var path: String { get }
    /// The entries recorded before the journal was attached, in order, to replay.
    var recorded: [JournalLine] { get }
    /// How many entries start-up compaction removed (0 when it did not compact: see ``JournalCompaction``).
    var droppedByCompaction: Int { get set }
    /// Why start-up compaction could not rewrite the journal, which then stays as it was and in use.
    var compactionFailure: JournalError? { get set }

    /// Writes `entry` durably; when it throws, the change it records must not be made.
    func append(_ entry: JournalEntry) throws(JournalError)

    /// Replaces every recorded entry with `entries`, all or nothing (start-up compaction).
    func replace(with entries: [JournalEntry]) throws(JournalError)
}

/// A recorded journal entry with its line number.
public struct JournalLine: Sendable, Hashable {
    /// The 1-based line number (the header is line 1).
    public var number: Int
    /// The entry.
    public var entry: JournalEntry

    /// Creates a line.
    public init(number: Int, entry: JournalEntry) {
        self.number = number
        self.entry = entry
    }
}
