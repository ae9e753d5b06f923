/// Decoding of string tokens: turns the raw bytes between quotes into a Swift `String`, resolving escapes.
public enum JSONStrings {
    /// Decodes a string node's content; the parser has already validated it.
    public static func decode(_ node: JSONNode, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let range = Int(node.start)..<Int(node.end)
        guard node.flag else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                index += 1
                continue
            }
            let escaped = bytes[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var unit = hex4(bytes, index)
                index += 4
                if (0xD800...0xDBFF).contains(unit) {
                    let low = hex4(bytes, index + 2)
                    index += 6
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                }
                let scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
                utf8.append(contentsOf: Array(String(scalar).utf8))
            default: utf8.append(escaped)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | UInt32(hexValue(bytes[index + offset]) ?? 0) }
        return value
    }
}
