/// Where something was written: a file and a line and column in it.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file, as the user named it (for contracts: relative to the contracts folder's parent).
    public var file: String
    /// Line and column in the file.
    public var position: TextPosition

    /// Creates a location.
    public init(file: String, position: TextPosition) {
        self.file = file
        self.position = position
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(position.line):\(position.column)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.position.line, lhs.position.column) < (rhs.file, rhs.position.line, rhs.position.column)
    }
}
