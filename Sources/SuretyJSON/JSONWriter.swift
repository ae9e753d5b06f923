/// Writes `JSONValue`s as bytes: compact, pretty (2 spaces) or canonical (pretty with sorted keys), all deterministic.
public struct JSONWriter: Sendable {
    /// The layout of the output.
    public enum Style: Sendable {
        /// No whitespace at all.
        case compact
        /// Two-space indentation, keys in their stored order.
        case pretty
        /// Two-space indentation, keys sorted by their UTF-16 code units (as RFC 8785 orders them), for files that diff well.
        case canonical
    }

    /// The layout in use.
    public var style: Style

    /// Creates a writer.
    public init(style: Style = .compact) {
        self.style = style
    }

    /// The value's bytes; pretty and canonical output end with a newline.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, into: &output, depth: 0)
        if style != .compact { output.append(0x0A) }
        return output
    }

    /// The value as a string.
    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// Appends one value's bytes to `output`.
    public func write(_ value: JSONValue, into output: inout [UInt8], depth: Int) {
        switch value {
        case .null: output.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(true): output.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        case .bool(false): output.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .number(let number): output.append(contentsOf: number.literal.utf8)
        case .string(let string): Self.writeString(string, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            if !elements.isEmpty {
                for (position, element) in elements.enumerated() {
                    if position > 0 { output.append(UInt8(ascii: ",")) }
                    newline(into: &output, depth: depth + 1)
                    write(element, into: &output, depth: depth + 1)
                }
                newline(into: &output, depth: depth)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            if !members.isEmpty {
                let ordered = style == .canonical ? members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) } : members
                for (position, member) in ordered.enumerated() {
                    if position > 0 { output.append(UInt8(ascii: ",")) }
                    newline(into: &output, depth: depth + 1)
                    Self.writeString(member.key, into: &output)
                    output.append(UInt8(ascii: ":"))
                    if style != .compact { output.append(0x20) }
                    write(member.value, into: &output, depth: depth + 1)
                }
                newline(into: &output, depth: depth)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(into output: inout [UInt8], depth: Int) {
        guard style != .compact else { return }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }

    /// Appends a string with the minimal escaping of RFC 8259 §7: quote, backslash and control characters.
    public static func writeString(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escape: scan their contiguous bytes and copy them at once.
        let copied = string.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if copied == true {
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(contentsOf: Array(String(byte, radix: 16).leftPadded(to: 2).utf8))
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
