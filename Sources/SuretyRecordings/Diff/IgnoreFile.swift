/// An ignore file for `surety diff`: one JSON Pointer pattern per line (`*` matches any key or index), `#` starting a
/// comment (at the start of a line or after a space), blank lines skipped; reviewed like code, kept beside the recordings.
public struct IgnoreFile: Sendable, Hashable {
    /// The name looked up beside the recordings (in the folder that holds OLD, and the one that holds NEW).
    public static let defaultName = ".surety-diff-ignore"
    /// The largest ignore file read, in bytes: a list of patterns, not a data file.
    public static let maxBytes = 65_536

    /// The patterns, in file order.
    public var patterns: [PointerPattern]

    /// Parses an ignore file's bytes; `file` names it in errors.
    public init(bytes: [UInt8], file: String) throws(IgnoreFileError) {
        guard bytes.count <= Self.maxBytes else { throw .tooLarge(file: file, bytes: bytes.count) }
        var patterns: [PointerPattern] = []
        let lines = String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, line) in lines.enumerated() {
            let text = Self.stripComment(line).trimmingWhitespace()
            guard !text.isEmpty else { continue }
            guard let pattern = PointerPattern(parsing: String(text)) else {
                throw .invalidPattern(file: file, line: offset + 1, text: String(text.prefix(80)))
            }
            patterns.append(pattern)
        }
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

/// Why an ignore file could not be read.
public enum IgnoreFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A line that is not a JSON Pointer pattern.
    case invalidPattern(file: String, line: Int, text: String)
    /// A file over ``IgnoreFile/maxBytes``.
    case tooLarge(file: String, bytes: Int)

    /// `FILE:3:1: error: "duration" is not a JSON Pointer pattern (e.g. /items/*/createdAt)`.
    public var description: String {
        switch self {
        case let .invalidPattern(file, line, text):
            return "\(file):\(line):1: error: \"\(text)\" is not a JSON Pointer pattern (e.g. /items/*/createdAt)"
        case let .tooLarge(file, bytes):
            return "\(file): error: \(bytes) bytes is over the \(IgnoreFile.maxBytes)-byte limit of an ignore file"
        }
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
