/// FNV-1a, 64 bits: a hash that is the same in every process and on every platform, unlike `Hasher`.
///
/// Used for the short hash in recording file names and in match-key descriptions; not for security.
public struct StableHash: Sendable, Hashable {
    /// The hash so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Starts a hash.
    public init() {}

    /// Hashes bytes in one call.
    public init(_ bytes: some Sequence<UInt8>) {
        combine(bytes)
    }

    /// Mixes in bytes.
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    /// The first `digits` lower-case hex digits (at most 16).
    public func hex(digits: Int = 16) -> String {
        let full = String(value, radix: 16)
        let padded = String(repeating: "0", count: 16 - full.count) + full
        return String(padded.prefix(digits))
    }
}
