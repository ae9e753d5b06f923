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
    static func load(_ path: String, checker: ExchangeChecker, command: String, acceptsHAR: Bool = true,
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
            guard let data = FileManager.default.contents(atPath: path) else {
                console.errorLine("surety \(command): cannot read \(path)")
                return nil
            }
            let imported = HARConverter(checker: checker).importEntries(from: Array(data), file: path)
            exchanges = imported.exchanges.enumerated().map { StoredExchange(file: "\(path)#\($0.offset)", sequence: $0.offset, exchange: $0.element) }
            issues = imported.issues
        }
        guard issues.isEmpty else {
            for issue in issues { console.errorLine(issue.description) }
            console.errorLine("surety \(command): \(path) has \(issues.count) unreadable recording(s)")
            return nil
        }
        return exchanges
    }
}
