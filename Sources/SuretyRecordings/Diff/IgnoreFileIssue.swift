import SuretyJSON

/// One problem of an ignore file, located by file, line and column (``Diagnostic``); an ignore file is lines of
/// pointer patterns, not JSON, so no issue has a JSON Pointer.
public typealias IgnoreFileIssue = LocatedIssue<IgnoreFileProblem>

/// What is wrong in an ignore file.
public enum IgnoreFileProblem: IssueReason {
    /// A line that is not a JSON Pointer pattern (its text, at most 80 characters).
    case invalidPattern(String)
    /// A file over ``IgnoreFile/maxBytes``, of this many bytes.
    case tooLarge(bytes: Int)

    /// The problem in words, without the location.
    public var message: String {
        switch self {
        case .invalidPattern(let text): return "\"\(text)\" is not a JSON Pointer pattern (e.g. /items/*/createdAt)"
        case .tooLarge(let bytes): return "\(bytes) bytes is over the \(IgnoreFile.maxBytes)-byte limit of an ignore file"
        }
    }
}

/// Every problem of an ignore file that cannot be used.
public struct IgnoreFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, in file order.
    public var issues: [IgnoreFileIssue]

    /// Creates the error.
    public init(issues: [IgnoreFileIssue]) {
        self.issues = issues
    }

    /// One `FILE:3:1: error: "duration" is not a JSON Pointer pattern (e.g. /items/*/createdAt)` line per issue.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
