import SuretyHTTPCore

/// Percent-encoding of query pairs, the inverse of ``HTTPQueryItem/parse(query:)`` for every value.
enum QueryEncoding {
    /// Bytes left as they are in a query name or value: RFC 3986 §2.3 unreserved characters.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Percent-encodes one name or value (RFC 3986 §2.1), upper-case hex digits.
    static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in text.utf8 {
            if isUnreserved(byte) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Joins pairs as `a=1&b&c=2`.
    static func encode(_ items: [HTTPQueryItem]) -> String {
        items.map { item in item.value.map { encode(item.name) + "=" + encode($0) } ?? encode(item.name) }.joined(separator: "&")
    }
}
