/// Percent-decoding of URI components (RFC 3986 §2.1), tolerant of malformed escapes.
enum PercentDecoding {
    /// Decodes `%XX` escapes (and `+` as space when `plusIsSpace`); malformed escapes stay literal.
    static func decode<C: Collection<UInt8>>(_ bytes: C, plusIsSpace: Bool) -> String where C.Index == Int {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), bytes.endIndex - index >= 3,
               let high = HTTPGrammar.hexValue(bytes[index + 1]), let low = HTTPGrammar.hexValue(bytes[index + 2]) {
                output.append(UInt8(high << 4 | low))
                index += 3
            } else {
                output.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
