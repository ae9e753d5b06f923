/// The shorter list of journal entries that replays to the same state: what a reset made unobservable is dropped.
///
/// A reset (`POST /__surety/reset`) puts the state back to the baseline, the fixtures with those added at run time,
/// and keeps the clock. So before the last reset only three things still count: each run-time fixtures entry (with
/// its instant), where the locator generator stood when it was added (the baseline takes the generator from the
/// state, as the calls before it left it), and the last clock change. Every call and every earlier clock change there
/// can go; a ``JournalEntry/locators(_:)`` entry before each fixtures entry stands in for the calls it depended on.
/// The entries since the last reset are kept as they are. A journal without a reset cannot be shortened this way:
/// that would take a snapshot of the whole model, which the journal's design avoids.
public struct JournalCompaction {
    /// Start-up compacts a journal when at least this many entries would go.
    public static let threshold = 1_000

    /// The compacted entries up to and including the last reset seen.
    private var throughReset: [JournalEntry] = []
    /// The fixtures entries since that reset, each after the generator's state it was added at.
    private var fixturesSinceReset: [JournalEntry] = []
    /// The last clock change since that reset.
    private var clockSinceReset: JournalEntry?
    /// Every entry since that reset, as recorded.
    private var sinceReset: [JournalEntry] = []

    /// Takes the next replayed entry; `locators` is where the generator stood just before it ran.
    mutating func record(_ entry: JournalEntry, locators: ULIDGenerator.State) {
        switch entry {
        case .reset:
            throughReset += fixturesSinceReset + (clockSinceReset.map { [$0] } ?? []) + [.reset]
            fixturesSinceReset = []
            clockSinceReset = nil
            sinceReset = []
        case .fixtures:
            fixturesSinceReset += [.locators(locators), entry]
            sinceReset.append(entry)
        case .clock:
            clockSinceReset = entry
            sinceReset.append(entry)
        case .call, .locators:
            sinceReset.append(entry)
        }
    }

    /// The compacted journal's entries, in order.
    var entries: [JournalEntry] { throughReset + sinceReset }
}
