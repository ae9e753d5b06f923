/// A problem found in an input file, located by file, line and column and optionally a JSON Pointer.
///
/// Rendered compiler-style: `file:line:col: error: message [at /pointer]`. Checks collect diagnostics and report them
/// all at once instead of stopping at the first.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        /// Errors sort before warnings, warnings before notes.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    /// How serious it is.
    public var severity: Severity
    /// The file the problem is in, as the user named it.
    public var file: String
    /// Where in the file, when known.
    public var position: TextPosition?
    /// What is wrong and what was expected.
    public var message: String
    /// The JSON Pointer of the value at fault, when there is one.
    public var pointer: JSONPointer?

    /// Creates a diagnostic.
    public init(_ severity: Severity, file: String, position: TextPosition? = nil, message: String, pointer: JSONPointer? = nil) {
        self.severity = severity
        self.file = file
        self.position = position
        self.message = message
        self.pointer = pointer
    }

    /// Creates an error diagnostic from a JSON syntax error in `file`.
    public init(syntaxError: JSONSyntaxError, file: String) {
        self.init(.error, file: file, position: TextPosition(line: syntaxError.line, column: syntaxError.column), message: syntaxError.message)
    }

    /// `file:line:col: severity: message [at /pointer]`.
    public var description: String {
        var text = file
        if let position { text += ":\(position.line):\(position.column)" }
        text += ": \(severity.rawValue): \(message)"
        if let pointer, !pointer.tokens.isEmpty { text += " [at \(pointer)]" }
        return text
    }

    /// Orders by file, then position, then severity and message, so reports are stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let left = lhs.position.map { ($0.line, $0.column) } ?? (0, 0)
        let right = rhs.position.map { ($0.line, $0.column) } ?? (0, 0)
        if left != right { return left < right }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return lhs.message < rhs.message
    }
}
