import Foundation
import SuretyHTTPCore
import SuretyJSON

/// A recordings folder: writes each exchange atomically as `DIR/<endpointId>/<sequence>-<hash>.json` and reads
/// the folder back, collecting a ``RecordingIssue`` for every bad file.
///
/// Every exchange is redacted (``redaction``) before any byte is written, whoever calls ``write(_:)``: the recording
/// responder, a HAR import, a test. Sequence numbers are unique across the folder and increase in the order writes
/// begin, so concurrent writers lose nothing; a second session in the same folder continues after the highest
/// number found. Safe to share between tasks.
public final class RecordingStore: Sendable {
    /// The recordings folder.
    public let directory: String
    /// What is replaced before writing.
    public let redaction: Redaction
    private let syncsToStorage: Bool
    private let state: Locked<State>

    private struct State {
        var nextSequence: Int
        var knownFolders: Set<String> = []
        var temporaryCounter = 0
    }

    /// Opens (and creates, if needed) a recordings folder.
    ///
    /// - Parameters:
    ///   - directory: The folder; created with its parents when absent.
    ///   - redaction: What is replaced before writing; by default the usual credential headers.
    ///   - syncsToStorage: Whether each file is `fsync`ed before it is named; default true.
    public init(directory: String, redaction: Redaction = .default, syncsToStorage: Bool = true) throws(RecordingStoreError) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.redaction = redaction
        self.syncsToStorage = syncsToStorage
        try Self.makeFolder(self.directory)
        let highest = try Self.highestSequence(in: self.directory)
        self.state = Locked(State(nextSequence: highest + 1))
    }

    /// Redacts and writes one exchange; returns the file's path relative to ``directory``.
    @discardableResult
    public func write(_ exchange: Exchange) throws(RecordingStoreError) -> StoredExchange {
        let redacted = redaction.redact(exchange)
        let folder = redacted.folderName
        guard RecordingFileName.isSafeFolderName(folder) else { throw .unsafeName(folder) }
        let bytes = redacted.fileBytes
        let hash = redacted.shortHash
        let folderPath = directory + "/" + folder
        let needsFolder = state.withLock { !$0.knownFolders.contains(folder) }
        if needsFolder {
            try Self.makeFolder(folderPath)
            // `lstat`, not `stat`: a symbolic link left in the folder's place is refused, never followed.
            let kind = EntryKind(path: folderPath)
            guard kind == .directory else { throw .notAFolder(path: folderPath, kind: kind.phrase) }
            state.withLock { _ = $0.knownFolders.insert(folder) }
        }
        while true {
            let (sequence, suffix) = state.withLock { state -> (Int, String) in
                defer { state.nextSequence += 1; state.temporaryCounter += 1 }
                return (state.nextSequence, "\(ProcessInfo.processInfo.processIdentifier)-\(state.temporaryCounter)")
            }
            let name = RecordingFileName.make(sequence: sequence, hash: hash)
            // Written as `.<name>.tmp-<suffix>` and then linked to its name, which never replaces another recording; a
            // process killed before the link leaves only the hidden temporary file, which readers skip and
            // ``removeTemporaryFiles()`` deletes.
            let outcome: AtomicFile.Outcome
            do {
                outcome = try AtomicFile.write(bytes, to: folderPath + "/" + name, naming: .keepingExisting, syncsToStorage: syncsToStorage, createsFolders: false,
                                               temporarySuffix: suffix)
            } catch {
                throw .writeFailed(path: error.path, call: error.call, errno: error.errno)
            }
            switch outcome {
            case .written: return StoredExchange(file: folder + "/" + name, sequence: sequence, exchange: redacted)
            case .nameTaken: continue  // another process took this number: take the next
            }
        }
    }

    /// Deletes temporary files that killed writes left behind; returns how many. Call only while nothing writes.
    @discardableResult
    public func removeTemporaryFiles() throws(RecordingStoreError) -> Int {
        var removed = 0
        for folder in try Self.entries(of: directory) where !folder.hasPrefix(".") {
            let folderPath = directory + "/" + folder
            guard Self.isDirectory(folderPath) else { continue }
            for name in try Self.entries(of: folderPath) where RecordingFileName.isTemporary(name) {
                if (try? FileManager.default.removeItem(atPath: folderPath + "/" + name)) != nil { removed += 1 }
            }
        }
        return removed
    }

    /// Creates a folder (and its parents) unless it exists.
    private static func makeFolder(_ path: String) throws(RecordingStoreError) {
        do {
            try AtomicFile.makeFolders(path)
        } catch {
            throw .unreadableDirectory(path: path, reason: "mkdir \(error.path) failed with errno \(error.errno)")
        }
    }

    /// The highest sequence number among the folder's recordings, 0 when there is none.
    private static func highestSequence(in directory: String) throws(RecordingStoreError) -> Int {
        var highest = 0
        for folder in try entries(of: directory) where !folder.hasPrefix(".") && isDirectory(directory + "/" + folder) {
            for name in try entries(of: directory + "/" + folder) where RecordingFileName.isRecording(name) {
                highest = max(highest, RecordingFileName.sequence(of: name) ?? 0)
            }
        }
        return highest
    }

    /// The names in a folder, sorted.
    static func entries(of path: String) throws(RecordingStoreError) -> [String] {
        try FolderListing.entries(of: path).map(\.name)
    }

    /// Whether `path` is a directory (following no symbolic link).
    static func isDirectory(_ path: String) -> Bool {
        EntryKind(path: path) == .directory
    }
}
