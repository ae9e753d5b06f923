extension HTTPResponseParser {
    /// The body of a complete chunked encoding (RFC 9112 §7.1), nil while more bytes are needed.
    static func dechunk(_ bytes: [UInt8]) throws(Failure) -> [UInt8]? {
        var body: [UInt8] = []
        var index = 0
        while true {
            guard let lineEnd = find([13, 10], in: bytes, from: index) else { return nil }
            let sizeText = String(decoding: bytes[index..<lineEnd].prefix { $0 != UInt8(ascii: ";") }, as: UTF8.self)
                .trimmingCharacters(in: " \t")
            guard let size = Int(sizeText, radix: 16), size >= 0 else { throw .malformed }
            guard body.count + size <= maxBodyBytes else { throw .tooLarge }
            index = lineEnd + 2
            if size == 0 {
                // Trailer fields, then the empty line that ends the message.
                while true {
                    guard let end = find([13, 10], in: bytes, from: index) else { return nil }
                    if end == index { return body }
                    index = end + 2
                }
            }
            guard bytes.count >= index + size + 2 else { return nil }
            body.append(contentsOf: bytes[index..<(index + size)])
            guard bytes[index + size] == 13, bytes[index + size + 1] == 10 else { throw .malformed }
            index += size + 2
        }
    }

    /// The index where `pattern` first occurs in `bytes` at or after `start`.
    static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int? {
        guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
