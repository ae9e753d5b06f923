import SuretyJSON

/// An ignore file for `surety diff`: one JSON Pointer pattern per line (`*` matches any key or index), `#` starting a
/// comment (at the start of a line or after a space), blank lines skipped; reviewed like code, kept beside the recordings.
public struct IgnoreFile: Sendable, Hashable {
    /// The name looked up beside the recordings (in the folder that holds OLD, and the one that holds NEW).
    public static let defaultName = ".surety-diff-ignore"
    /// The largest ignore file read, in bytes: a list of patterns, not a data file.
    public static let maxBytes = 65_536

    /// The patterns, in file order.
    public var patterns: [PointerPattern]

    /// Parses an ignore file's bytes; `file` names it in errors, which list every line that is not a pattern with
    /// its line and column.
    public init(bytes: [UInt8], file: String) throws(IgnoreFileError) {
        guard bytes.count <= Self.maxBytes else {
            throw IgnoreFileError(issues: [IgnoreFileIssue(file: file, reason: .tooLarge(bytes: bytes.count))])
        }
        var patterns: [PointerPattern] = []
        var issues: [IgnoreFileIssue] = []
        let lines = String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, line) in lines.enumerated() {
            let text = Self.stripComment(line).trimmingWhitespace()
            guard !text.isEmpty else { continue }
            guard let pattern = PointerPattern(parsing: String(text)) else {
                let column = line.unicodeScalars.distance(from: line.startIndex, to: text.startIndex) + 1
                issues.append(IgnoreFileIssue(file: file, position: TextPosition(line: offset + 1, column: column), pointer: nil,
                                              reason: .invalidPattern(String(text.prefix(80)))))
                continue
            }
            patterns.append(pattern)
        }
        guard issues.isEmpty else { throw IgnoreFileError(issues: issues) }
        self.patterns = patterns
    }

    /// The line without its comment: from a `#` at the start or after a space or tab.
    private static func stripComment(_ line: Substring) -> Substring {
        var previous: Character = " "
        for index in line.indices {
            if line[index] == "#", previous == " " || previous == "\t" { return line[..<index] }
            previous = line[index]
        }
        return line
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    func trimmingWhitespace() -> Substring {
        let isSpace = { (character: Character) in character == " " || character == "\t" || character == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[first...last]
    }
}
