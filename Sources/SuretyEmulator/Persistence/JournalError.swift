/// Why the state journal could not be opened, replayed or written, with the file (and line) to look at.
public enum JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder or file could not be read or created.
    case unreadable(path: String, reason: String)
    /// A line before the last is not a journal entry: the file was edited or damaged, and replay stops there.
    case corruptEntry(path: String, line: Int, reason: String)
    /// The journal was written for other fixtures or another seed, so replaying it would not rebuild its state.
    case mismatchedHeader(path: String, reason: String)
    /// A recorded request failed when run again.
    case replayFailed(path: String, line: Int, reason: String)
    /// Another process holds the journal.
    case inUse(path: String)
    /// An entry could not be appended and synced; the change it records was not made.
    case writeFailed(path: String, reason: String)
    /// A change that has no journal entry was asked of a backend with a journal attached, and refused: made, it
    /// would be lost on restart (replay rebuilds only what the journal holds). `change` names it, `instead` the way
    /// that is journaled.
    case notJournaled(path: String, change: String, instead: String)

    /// `PATH[:LINE]: error: …`, as compilers print it.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): error: cannot read or create the state journal: \(reason)"
        case .corruptEntry(let path, let line, let reason):
            return "\(path):\(line): error: not a journal entry (\(reason)); only the last line may be damaged, by a crash mid-write"
        case .mismatchedHeader(let path, let reason):
            return "\(path):1: error: \(reason); start with the same --fixtures and --seed, or another --state DIR"
        case .replayFailed(let path, let line, let reason): return "\(path):\(line): error: replaying the entry failed: \(reason)"
        case .inUse(let path): return "\(path): error: another surety process is using this state journal"
        case .writeFailed(let path, let reason): return "\(path): error: cannot append to the state journal: \(reason)"
        case .notJournaled(let path, let change, let instead):
            return "\(path): error: \(change) cannot be recorded in the state journal, so it was not made; \(instead)"
        }
    }
}
