import Foundation
import SuretyConformance
import SuretyRecordings

/// Reads the recordings a command is given: a recordings folder, or a HAR file (for `diff`, `check --recordings`
/// and `har export`), reporting every unreadable recording with its file, line, column and pointer.
enum RecordingInput {
    /// The exchanges of a recordings folder or a HAR file, or nil after printing every issue found to standard error.
    ///
    /// - Parameters:
    ///   - path: A folder (`DIR/<endpointId>/*.json`) or a HAR 1.2 file.
    ///   - checker: Routes HAR entries that carry no `_surety` member.
    ///   - command: The command's name, for messages (`surety diff: …`).
    ///   - acceptsHAR: Whether a file (rather than a folder) is read as HAR; when false a file is an error.
    ///   - host: The API's host in a HAR file with entries for several hosts (`--host`); nil lets the import choose.
    ///
    /// A HAR file's entries that are not the API's (static files, preflights, other hosts…) are left out, with one
    /// line on standard error saying how many and why.
    static func load(_ path: String, checker: ExchangeChecker, command: String, acceptsHAR: Bool = true, host: String? = nil,
                     _ console: Console) -> [StoredExchange]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            console.errorLine("surety \(command): cannot read \(path): no such file or folder")
            return nil
        }
        let exchanges: [StoredExchange]
        let issues: [RecordingIssue]
        if isDirectory.boolValue {
            do {
                let set = try RecordingStore.read(directory: path)
                let located = { (issue: RecordingIssue) -> RecordingIssue in
                    var located = issue
                    located.file = (path.hasSuffix("/") ? path : path + "/") + issue.file
                    return located
                }
                exchanges = set.exchanges
                issues = set.issues.map(located)
                for warning in set.skipped.map(located) { console.errorLine(warning.description) }
            } catch {
                console.errorLine("surety \(command): \(error.description)")
                return nil
            }
        } else {
            guard acceptsHAR else {
                console.errorLine("surety \(command): \(path) is a file; name a recordings folder")
                return nil
            }
            let imported = HARConverter(checker: checker).importHAR(path: path, host: host)
            exchanges = zip(imported.entryIndices, imported.exchanges).map { StoredExchange(file: "\(path)#\($0.0)", sequence: $0.0, exchange: $0.1) }
            issues = imported.issues
            if let summary = imported.summary { console.errorLine("surety \(command): \(path): \(summary)") }
        }
        guard issues.isEmpty else {
            for issue in issues { console.errorLine(issue.description) }
            console.errorLine("surety \(command): \(path) has \(issues.count) unreadable recording(s)")
            return nil
        }
        return exchanges
    }
}
