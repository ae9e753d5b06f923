/// A 1-based line and column in a text, the column counted in Unicode scalars.
public struct TextPosition: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a position from its line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Computes the line and column of a byte offset by scanning the text before it.
    public init(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var column = 1
        var index = 0
        let limit = min(offset, bytes.count)
        while index < limit {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        self.init(line: line, column: column)
    }

    /// Computes the line and column of a byte offset in an array of bytes.
    public init(offset: Int, in bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { TextPosition(offset: offset, in: $0) }
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
