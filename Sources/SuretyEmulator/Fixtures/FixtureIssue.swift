import SuretyJSON

/// One problem in a fixtures file, located by file, line:column and JSON Pointer; fixture loading collects them all.
public struct FixtureIssue: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Equatable, Sendable {
        /// The file could not be read.
        case unreadable(String)
        /// The file is not JSON.
        case syntax(String)
        /// A required member is absent.
        case missing(String)
        /// A value has the wrong JSON type.
        case wrongType(expected: String, actual: String)
        /// A value has the right type but not an accepted form.
        case invalid(expected: String, actual: String)
        /// A locator or name is defined twice (or already exists in the running emulator).
        case duplicate(kind: String, value: String)
        /// A reference to something not defined.
        case unknownReference(kind: String, value: String)
    }

    /// The file, as the user named it.
    public var file: String
    /// The line and column, when the pointer resolves in the file.
    public var position: TextPosition?
    /// The value at fault.
    public var pointer: JSONPointer
    /// What is wrong.
    public var reason: Reason

    /// Creates an issue.
    public init(file: String, position: TextPosition? = nil, pointer: JSONPointer, reason: Reason) {
        self.file = file
        self.position = position
        self.pointer = pointer
        self.reason = reason
    }

    /// The reason in words.
    public var message: String {
        switch reason {
        case .unreadable(let detail): return "cannot read fixtures: \(detail)"
        case .syntax(let detail): return detail
        case .missing(let key): return "missing required member \"\(key)\""
        case .wrongType(let expected, let actual): return "expected \(expected), found \(actual)"
        case .invalid(let expected, let actual): return "expected \(expected), found \(actual)"
        case .duplicate(let kind, let value): return "duplicate \(kind) \(value)"
        case .unknownReference(let kind, let value): return "unknown \(kind) \(value)"
        }
    }

    /// As a compiler-style diagnostic.
    public var diagnostic: Diagnostic { Diagnostic(.error, file: file, position: position, message: message, pointer: pointer) }

    /// `file:line:col: error: message [at /pointer]`.
    public var description: String { diagnostic.description }
}

/// Every problem found in a fixtures file; thrown when there is at least one.
public struct FixtureErrors: Error, Equatable, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var issues: [FixtureIssue]

    /// Wraps the problems found.
    public init(issues: [FixtureIssue]) {
        self.issues = issues
    }

    /// One line per issue.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
