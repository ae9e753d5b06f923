/// A ULID's 128 bits held inline (48 bits of milliseconds, then 80 random), so a value that names itself by one
/// costs 16 bytes, not a 26-character string on the heap; ``string`` writes it out.
public struct ULID: Sendable, Hashable, Comparable {
    /// The top 64 bits: the milliseconds and the 16 upper random bits.
    public var upper: UInt64
    /// The lower 64 random bits.
    public var lower: UInt64

    /// Creates a ULID from its two halves.
    public init(upper: UInt64, lower: UInt64) {
        self.upper = upper
        self.lower = lower
    }

    /// Reads a ULID written as ``string`` writes it (26 upper-case Crockford base-32 characters, the first at most
    /// `7`); nil for anything else, so a lookup by text finds exactly what was written.
    public init?(_ text: String) {
        var upper: UInt64 = 0
        var lower: UInt64 = 0
        var count = 0
        for byte in text.utf8 {
            guard count < 26, let digit = ULID.digits[Int(byte)] else { return nil }
            if count == 0, digit > 7 { return nil }
            upper = upper << 5 | lower >> 59
            lower = lower << 5 | UInt64(digit)
            count += 1
        }
        guard count == 26 else { return nil }
        self.init(upper: upper, lower: lower)
    }

    /// The 26 characters.
    public var string: String { ULIDGenerator.encode(milliseconds: upper >> 16, high: UInt16(truncatingIfNeeded: upper), low: lower) }

    /// The locators of `ids` joined by `separator` (one ASCII character), written into one string at once.
    public static func list(_ ids: [ULID], separator: Character) -> String {
        guard let mark = separator.asciiValue, separator.utf8.count == 1, !ids.isEmpty else { return ids.map(\.string).joined(separator: String(separator)) }
        return String(unsafeUninitializedCapacity: ids.count * 27 - 1) { buffer in
            for (index, id) in ids.enumerated() {
                if index > 0 { buffer[index * 27 - 1] = mark }
                ULIDGenerator.write(upper: id.upper, lower: id.lower, into: buffer, at: index * 27)
            }
            return ids.count * 27 - 1
        }
    }

    /// The ULID `offset` places on (within the 128 bits).
    public func advanced(by offset: UInt64) -> ULID {
        let (sum, carried) = lower.addingReportingOverflow(offset)
        return ULID(upper: carried ? upper &+ 1 : upper, lower: sum)
    }

    /// Whether `self` sorts first.
    public static func < (left: ULID, right: ULID) -> Bool { (left.upper, left.lower) < (right.upper, right.lower) }

    /// Each byte's value as a Crockford base-32 digit of the canonical (upper-case) alphabet, or nil.
    private static let digits: [UInt8?] = {
        var table = [UInt8?](repeating: nil, count: 256)
        for (value, byte) in "0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()
}
