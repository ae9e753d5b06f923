import SuretyJSON

/// One problem with a recording file: which file, where in it (JSON Pointer, line and column), and what is wrong.
///
/// Reading a recordings folder collects these instead of stopping at the first, so a user fixes every file in one
/// pass. ``diagnostic`` renders one compiler-style: `DIR/getJob/000001-1a2b3c4d.json:4:5: error: … [at /request/method]`.
public typealias RecordingIssue = LocatedIssue<RecordingProblem>

/// What is wrong in a recording file.
public enum RecordingProblem: IssueReason {
    /// The file could not be read (the system's reason).
    case unreadable(String)
    /// The file is not JSON.
    case syntax(JSONSyntaxError)
    /// A required member is absent.
    case missing(member: String)
    /// A member the format does not have (a typo, or a file from another tool).
    case unknownMember(String)
    /// A value of the wrong JSON type.
    case wrongType(expected: String, actual: String)
    /// A value of the right type that is not allowed.
    case invalidValue(expected: String, actual: String)
    /// The file's `format` is not one this code reads.
    case unsupportedFormat(found: String, supported: Int)
    /// The file lies in the folder of another endpoint than the one it records.
    case misfiled(folder: String, endpoint: String)
    /// A `.json` file outside the `DIR/<endpointId>/` layout.
    case unexpectedLocation
    /// An entry named like a recording that is no regular file (a FIFO, a socket, a device, or a symbolic link
    /// to one), in words: skipped without being opened, so a FIFO cannot stop the read. A warning, not an error.
    case notRegularFile(kind: String)

    /// The problem in words, without the location.
    public var message: String {
        switch self {
        case .unreadable(let why): return "cannot read the recording: \(why)"
        case .syntax(let error): return "not JSON: \(error.message)"
        case .missing(let member): return "missing member \"\(member)\""
        case .unknownMember(let member): return "unknown member \"\(member)\""
        case .wrongType(let expected, let actual): return "expected \(expected), found \(actual)"
        case .invalidValue(let expected, let actual): return "expected \(expected), found \(actual)"
        case .unsupportedFormat(let found, let supported): return "unsupported format \(found): this version reads format \(supported)"
        case .misfiled(let folder, let endpoint): return "file in folder \"\(folder)\" records endpoint \"\(endpoint)\""
        case .unexpectedLocation: return "recordings live in DIR/<endpointId>/<name>.json; this file is elsewhere"
        case .notRegularFile(let kind): return "skipped without opening it: \(kind), not a regular file"
        }
    }

    /// `warning` for an entry that was skipped (``notRegularFile(kind:)``), `error` for every other problem.
    public var severity: Diagnostic.Severity {
        if case .notRegularFile = self { return .warning }
        return .error
    }
}

/// Every problem found in one recording file; reading it produced no exchange.
public struct RecordingFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, in document order.
    public var issues: [RecordingIssue]

    /// Creates the error.
    public init(issues: [RecordingIssue]) {
        self.issues = issues
    }

    /// One line per issue.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
