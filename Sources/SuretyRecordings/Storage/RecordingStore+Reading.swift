import Foundation
import SuretyHTTPCore
import SuretyJSON

/// What reading a recordings folder found: the exchanges of the good files, in recorded order, and every issue.
public struct RecordingSet: Sendable {
    /// The exchanges read, by sequence, then file name.
    public var exchanges: [StoredExchange]
    /// Every problem, by file, then position.
    public var issues: [RecordingIssue]
    /// Entries named like recordings that are no regular file (FIFOs, sockets, devices, links to them), by file:
    /// skipped without being opened; warnings (``RecordingIssue/severity``), which never stop a read.
    public var skipped: [RecordingIssue]

    /// Creates a set.
    public init(exchanges: [StoredExchange], issues: [RecordingIssue], skipped: [RecordingIssue] = []) {
        self.exchanges = exchanges
        self.issues = issues
        self.skipped = skipped
    }
}

extension RecordingStore {
    /// What one read of a folder kept of each good file (see ``read(directory:keeping:)``), with the issues.
    struct Reading<Kept: Sendable>: Sendable {
        /// What was kept of each good file, in recorded order (by sequence, then file name).
        var kept: [Kept]
        /// Every problem, by file, then position.
        var issues: [RecordingIssue]
        /// The entries skipped without being opened, by file.
        var skipped: [RecordingIssue]
    }

    /// Reads every recording in `directory`, collecting an issue for each bad file instead of stopping.
    ///
    /// Recordings are `DIR/<folder>/*.json`; hidden files (temporary files of interrupted writes among them) and
    /// files that are not `.json` are ignored. A `.json` directly in `DIR` or deeper than one folder, a folder or a
    /// symbolic link to a folder inside an endpoint's folder, a symbolic link directly in `DIR`, a malformed file and
    /// a file filed under another endpoint's folder are issues. A symbolic link in an endpoint's folder to a regular
    /// file is followed. A `.json` entry that is no regular file (a FIFO, a socket, a device, or a link to one) is
    /// never opened: it is listed in ``RecordingSet/skipped``. Files are read and parsed on every core.
    ///
    /// Equal parts of the exchanges of one batch of files (header fields, body values) share their storage (see
    /// ``ExchangeInterner``), so a large folder held whole (`diff` holds two) takes a fraction of the memory.
    public static func read(directory: String) throws(RecordingStoreError) -> RecordingSet {
        let reading = try read(directory: directory, batchState: { ExchangeInterner() }) { interner, stored in
            StoredExchange(file: stored.file, sequence: stored.sequence, exchange: interner.intern(stored.exchange))
        }
        return RecordingSet(exchanges: reading.kept, issues: reading.issues, skipped: reading.skipped)
    }

    /// Reads every recording in `directory` as ``read(directory:)`` does, keeping only what `keep` makes of each
    /// exchange: the parsed exchange is dropped as soon as `keep` returns, so a caller that needs less than the
    /// whole exchange (the replay index) never holds every parsed file at once.
    ///
    /// Files are read in batches, on several threads; each batch starts with a fresh `batchState()`, which `keep`
    /// may change (an ``Interner`` that needs no lock).
    static func read<Kept: Sendable, State>(directory: String, batchState: @escaping @Sendable () -> State,
                                            keeping keep: @escaping @Sendable (inout State, StoredExchange) -> Kept)
        throws(RecordingStoreError) -> Reading<Kept> {
        var candidates: [(file: String, name: String, sequence: Int?, kind: EntryKind?)] = []
        var issues: [RecordingIssue] = []
        var skipped: [RecordingIssue] = []
        for listed in try FolderListing.entries(of: directory) where !listed.name.hasPrefix(".") {
            let entry = listed.name
            let path = directory + "/" + entry
            let kind = listed.kind ?? EntryKind(path: path)
            switch kind {
            case .directory:
                for inner in try FolderListing.entries(of: path) where !inner.name.hasPrefix(".") {
                    candidates.append((entry + "/" + inner.name, inner.name, RecordingFileName.sequence(of: inner.name), inner.kind))
                }
            case .symbolicLink:
                if entry.hasSuffix(".json") || isDirectory(resolving: path) { issues.append(RecordingIssue(file: entry, reason: .unexpectedLocation)) }
            case _ where kind.isSpecial:
                if RecordingFileName.isRecording(entry) { skipped.append(RecordingIssue(file: entry, reason: .notRegularFile(kind: kind.phrase))) }
            default:
                if RecordingFileName.isRecording(entry) { issues.append(RecordingIssue(file: entry, reason: .unexpectedLocation)) }
            }
        }
        // Recorded order is decided by the names alone, so each worker's results land in their final place.
        let ordered = candidates.sorted { ($0.sequence ?? Int.max, $0.file) < ($1.sequence ?? Int.max, $1.file) }
        // Each entry is read on every core, in batches: with 100,000 recordings the file system calls alone took
        // seconds on one thread.
        let batchSize = 256
        let batches = (ordered.count + batchSize - 1) / batchSize
        let results = Locked([[EntryOutcome<Kept>]](repeating: [], count: batches))
        DispatchQueue.concurrentPerform(iterations: batches) { batch in
            let range = batch * batchSize..<min(ordered.count, (batch + 1) * batchSize)
            var state = batchState()
            let outcomes = ordered[range].map { candidate in
                readEntry(directory: directory, file: candidate.file, name: candidate.name, listedKind: candidate.kind).map { exchange in
                    keep(&state, StoredExchange(file: candidate.file, sequence: candidate.sequence, exchange: exchange))
                }
            }
            results.withLock { $0[batch] = outcomes }
        }
        var kept: [Kept] = []
        kept.reserveCapacity(ordered.count)
        for outcome in results.withLock({ $0 }).joined() {
            switch outcome {
            case .kept(let value): kept.append(value)
            case .issues(let found): issues += found
            case .skipped(let issue): skipped.append(issue)
            case .ignored: break
            }
        }
        let byPlace: (RecordingIssue, RecordingIssue) -> Bool = {
            ($0.file, $0.position?.line ?? 0, $0.position?.column ?? 0) < ($1.file, $1.position?.line ?? 0, $1.position?.column ?? 0)
        }
        return Reading(kept: kept, issues: issues.sorted(by: byPlace), skipped: skipped.sorted(by: byPlace))
    }

    /// What became of one entry of an endpoint's folder.
    enum EntryOutcome<Value: Sendable>: Sendable {
        case kept(Value)
        case issues([RecordingIssue])
        case skipped(RecordingIssue)
        /// Not a recording (`README.md`): nothing to say.
        case ignored

        func map<Other: Sendable>(_ transform: (Value) -> Other) -> EntryOutcome<Other> {
            switch self {
            case .kept(let value): return .kept(transform(value))
            case .issues(let issues): return .issues(issues)
            case .skipped(let issue): return .skipped(issue)
            case .ignored: return .ignored
            }
        }
    }

    /// Classifies one entry of an endpoint's folder by the kind its folder listed (else one `lstat`; a link is
    /// followed with `stat`) and reads it when it is a recording; nothing but a regular file is opened.
    static func readEntry(directory: String, file: String, name: String, listedKind: EntryKind?) -> EntryOutcome<Exchange> {
        let path = directory + "/" + file
        var kind = listedKind ?? EntryKind(path: path)
        if kind == .symbolicLink {
            kind = EntryKind(path: path, followingLinks: true)
            if kind.isSpecial, RecordingFileName.isRecording(name) {
                return .skipped(RecordingIssue(file: file, reason: .notRegularFile(kind: "a symbolic link to \(kind.phrase)")))
            }
            if kind == .missing, RecordingFileName.isRecording(name) {
                return .issues([RecordingIssue(file: file, reason: .unreadable("a symbolic link to nothing"))])
            }
        }
        if kind == .directory { return .issues([RecordingIssue(file: file, reason: .unexpectedLocation)]) }
        guard RecordingFileName.isRecording(name) else { return .ignored }
        if kind.isSpecial { return .skipped(RecordingIssue(file: file, reason: .notRegularFile(kind: kind.phrase))) }
        return readFile(directory: directory, file: file)
    }

    /// Reads and decodes one file, checking that it lies in its endpoint's folder.
    static func readFile(directory: String, file: String) -> EntryOutcome<Exchange> {
        let bytes: [UInt8]
        switch RegularFile.read(directory + "/" + file) {
        case .success(let content): bytes = content
        case .failure(.notRegular(let kind)):
            return .skipped(RecordingIssue(file: file, reason: .notRegularFile(kind: kind.phrase)))
        case .failure(let failure):
            return .issues([RecordingIssue(file: file, reason: .unreadable(failure.phrase))])
        }
        let exchange: Exchange
        do {
            exchange = try Exchange(fileBytes: bytes, file: file)
        } catch {
            return .issues(error.issues)
        }
        let folder = String(file.prefix { $0 != "/" })
        guard folder == exchange.folderName else {
            let position = (try? JSONParser().parse(bytes)).map { Exchange.position(of: "/endpoint", in: $0) }
            return .issues([RecordingIssue(file: file, pointer: "/endpoint", position: position,
                                           reason: .misfiled(folder: folder, endpoint: exchange.folderName))])
        }
        return .kept(exchange)
    }

    private static func isDirectory(resolving path: String) -> Bool {
        EntryKind(path: path, followingLinks: true) == .directory
    }
}
