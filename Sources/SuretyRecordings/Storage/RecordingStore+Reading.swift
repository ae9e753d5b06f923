import Foundation
import SuretyJSON

/// What reading a recordings folder found: the exchanges of the good files, in recorded order, and every issue.
public struct RecordingSet: Sendable {
    /// The exchanges read, by sequence, then file name.
    public var exchanges: [StoredExchange]
    /// Every problem, by file, then position.
    public var issues: [RecordingIssue]

    /// Creates a set.
    public init(exchanges: [StoredExchange], issues: [RecordingIssue]) {
        self.exchanges = exchanges
        self.issues = issues
    }
}

extension RecordingStore {
    /// Reads every recording in `directory`, collecting an issue for each bad file instead of stopping.
    ///
    /// Recordings are `DIR/<folder>/*.json`; hidden files (temporary files of interrupted writes among them) and
    /// files that are not `.json` are skipped; a `.json` directly in `DIR` or deeper than one folder, a symbolic link,
    /// a malformed file and a file filed under another endpoint's folder are issues. Files are parsed in parallel.
    public static func read(directory: String) throws(RecordingStoreError) -> RecordingSet {
        var candidates: [(file: String, name: String, sequence: Int?)] = []
        var issues: [RecordingIssue] = []
        for entry in try entries(of: directory) where !entry.hasPrefix(".") {
            let path = directory + "/" + entry
            if isSymbolicLink(path) {
                if entry.hasSuffix(".json") || isDirectory(resolving: path) { issues.append(RecordingIssue(file: entry, reason: .unexpectedLocation)) }
                continue
            }
            if !isDirectory(path) {
                if RecordingFileName.isRecording(entry) { issues.append(RecordingIssue(file: entry, reason: .unexpectedLocation)) }
                continue
            }
            for name in try entries(of: path) where !name.hasPrefix(".") {
                candidates.append((entry + "/" + name, name, RecordingFileName.sequence(of: name)))
            }
        }
        // Each entry is classified (a link or a folder is an issue, a name that is no recording is skipped) and read
        // on every core: with 100,000 recordings the file system calls alone took seconds on one thread.
        let results = Locked([Int: Result<Exchange, RecordingFileError>]())
        let files = candidates.map { ($0.file, $0.name) }
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (file, name) = files[index]
            let filePath = directory + "/" + file
            let result: Result<Exchange, RecordingFileError>
            let kind = EntryKind(path: filePath)
            if kind == .symbolicLink || kind == .directory {
                result = .failure(RecordingFileError(issues: [RecordingIssue(file: file, reason: .unexpectedLocation)]))
            } else if RecordingFileName.isRecording(name) {
                result = readFile(directory: directory, file: file)
            } else {
                return
            }
            results.withLock { $0[index] = result }
        }
        var exchanges: [StoredExchange] = []
        exchanges.reserveCapacity(candidates.count)
        let finished = results.withLock { $0 }
        for (index, candidate) in candidates.enumerated() {
            switch finished[index] {
            case .success(let exchange): exchanges.append(StoredExchange(file: candidate.file, sequence: candidate.sequence, exchange: exchange))
            case .failure(let error): issues += error.issues
            case nil: break
            }
        }
        exchanges.sort(by: StoredExchange.precedes)
        issues.sort { ($0.file, $0.position?.line ?? 0, $0.position?.column ?? 0) < ($1.file, $1.position?.line ?? 0, $1.position?.column ?? 0) }
        return RecordingSet(exchanges: exchanges, issues: issues)
    }

    /// Reads and decodes one file, checking that it lies in its endpoint's folder.
    static func readFile(directory: String, file: String) -> Result<Exchange, RecordingFileError> {
        guard let data = FileManager.default.contents(atPath: directory + "/" + file) else {
            return .failure(RecordingFileError(issues: [RecordingIssue(file: file, reason: .unreadable("the file cannot be opened"))]))
        }
        let bytes = Array(data)
        let exchange: Exchange
        do {
            exchange = try Exchange(fileBytes: bytes, file: file)
        } catch {
            return .failure(error)
        }
        let folder = String(file.prefix { $0 != "/" })
        guard folder == exchange.folderName else {
            let position = (try? JSONParser().parse(bytes)).map { Exchange.position(of: "/endpoint", in: $0) }
            return .failure(RecordingFileError(issues: [RecordingIssue(file: file, pointer: "/endpoint", position: position,
                                                                       reason: .misfiled(folder: folder, endpoint: exchange.folderName))]))
        }
        return .success(exchange)
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        EntryKind(path: path) == .symbolicLink
    }

    private static func isDirectory(resolving path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
