/// A reason a byte sequence is not a JSON text (RFC 8259), with where it was found.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        case emptyDocument
        case unexpectedEnd(expected: String)
        case unexpectedByte(UInt8, expected: String)
        case trailingComma
        case leadingZero
        case invalidNumber(String)
        case invalidEscape
        case invalidUnicodeEscape
        case unpairedSurrogate
        case controlCharacterInString(UInt8)
        case invalidUTF8
        case byteOrderMark
        case trailingContent
        case duplicateKey(String)
        case depthLimitExceeded(limit: Int)
        case documentTooLarge(limit: Int)
    }

    /// What went wrong.
    public var reason: Reason
    /// Byte offset in the input where the problem was found.
    public var offset: Int
    /// 1-based line of `offset`.
    public var line: Int
    /// 1-based column of `offset`, counted in Unicode scalars.
    public var column: Int

    /// Creates an error at a byte offset of `bytes`, computing its line and column.
    public init(_ reason: Reason, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        self.reason = reason
        self.offset = offset
        let position = TextPosition(offset: offset, in: bytes)
        self.line = position.line
        self.column = position.column
    }

    /// Creates an error with a known position.
    public init(_ reason: Reason, offset: Int, line: Int, column: Int) {
        self.reason = reason
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The problem in words, without the position.
    public var message: String {
        switch reason {
        case .emptyDocument: return "empty document: expected a JSON value"
        case .unexpectedEnd(let expected): return "unexpected end of input: expected \(expected)"
        case .unexpectedByte(let byte, let expected): return "unexpected \(Self.describe(byte)): expected \(expected)"
        case .trailingComma: return "trailing comma: expected a value after ','"
        case .leadingZero: return "number with a leading zero"
        case .invalidNumber(let detail): return "invalid number: \(detail)"
        case .invalidEscape: return "invalid escape sequence in string: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
        case .invalidUnicodeEscape: return "invalid \\u escape: expected four hexadecimal digits"
        case .unpairedSurrogate: return "unpaired UTF-16 surrogate in \\u escape"
        case .controlCharacterInString(let byte): return "unescaped control character \(Self.describe(byte)) in string"
        case .invalidUTF8: return "invalid UTF-8 byte sequence"
        case .byteOrderMark: return "byte order mark at the start of the document (RFC 8259 §8.1: JSON text must not begin with one)"
        case .trailingContent: return "unexpected content after the JSON value"
        case .duplicateKey(let key): return "duplicate object key \"\(key)\""
        case .depthLimitExceeded(let limit): return "nesting deeper than the limit of \(limit)"
        case .documentTooLarge(let limit): return "document larger than the limit of \(limit) bytes"
        }
    }

    /// `line:column: message`, the form every Surety error message uses.
    public var description: String { "\(line):\(column): \(message)" }

    static func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x0A: return "'\\n'"
        case 0x0D: return "'\\r'"
        case 0x09: return "'\\t'"
        case 0x20...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default: return "byte 0x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
