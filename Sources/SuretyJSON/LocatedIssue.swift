/// What a ``LocatedIssue`` says is wrong: its words and how grave it is.
public protocol IssueReason: Equatable, Sendable {
    /// The problem in words, without the location.
    var message: String { get }
    /// How grave the problem is; an error unless a reason says otherwise.
    var severity: Diagnostic.Severity { get }
}

extension IssueReason {
    /// An error.
    public var severity: Diagnostic.Severity { .error }
}

/// One problem of a JSON file a user wrote (fixtures, a recording), typed by its reason so code and tests can match on
/// it, and located the one way every problem is: file, line and column, JSON Pointer (``Diagnostic``).
public struct LocatedIssue<Reason: IssueReason>: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// The line and column of the value at fault (or of its nearest existing parent), when known.
    public var position: TextPosition?
    /// The value at fault; nil when the problem is with the whole file.
    public var pointer: JSONPointer?
    /// What is wrong.
    public var reason: Reason

    /// Creates an issue.
    public init(file: String, pointer: JSONPointer? = nil, position: TextPosition? = nil, reason: Reason) {
        self.file = file
        self.position = position
        self.pointer = pointer
        self.reason = reason
    }

    /// Creates an issue whose line and column are known.
    public init(file: String, position: TextPosition?, pointer: JSONPointer?, reason: Reason) {
        self.init(file: file, pointer: pointer, position: position, reason: reason)
    }

    /// The reason in words.
    public var message: String { reason.message }
    /// How grave the issue is.
    public var severity: Diagnostic.Severity { reason.severity }
    /// The issue as a compiler-style diagnostic.
    public var diagnostic: Diagnostic { Diagnostic(severity, file: file, position: position, message: message, pointer: pointer) }
    /// `file:line:col: error: message [at /pointer]`.
    public var description: String { diagnostic.description }
}
