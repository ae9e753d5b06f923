/// Percent-encoding of path segments and query components (RFC 3986 §2.1, §3.3, §3.4).
enum PercentEncoding {
    /// Unreserved characters plus the sub-delimiters and `:@` a path segment may hold (RFC 3986 §3.3).
    static let pathSegment: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$'()*,;:@".utf8))
    /// Unreserved characters only, so `&`, `=`, `+` and `/` inside values survive form decoding (RFC 3986 §3.4).
    static let queryComponent: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    static func encode(_ text: String, allowing allowed: Set<UInt8>) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if allowed.contains(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
