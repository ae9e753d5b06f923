/// 1,024 consecutive ULIDs reserved from a ``ULIDGenerator``: their strings differ only in the last two characters
/// (the lowest 10 bits), so what is named from one block can be stored under the first 24 (``key``).
public struct ULIDBlock: Sendable, Hashable {
    /// How many ULIDs a block holds.
    public static let size: UInt64 = 1_024

    /// The next ULID the block hands out.
    private var next: ULID
    /// How many it still holds.
    private var remaining: UInt64

    /// The block that starts at `first`, whose lowest 10 bits are zero.
    init(first: ULID) {
        next = first
        remaining = Self.size
    }

    /// Takes the block's next ULID; nil when it is used up.
    public mutating func take() -> ULID? {
        guard remaining > 0 else { return nil }
        defer {
            next = next.advanced(by: 1)
            remaining -= 1
        }
        return next
    }

    /// Whether two ULIDs lie in the same block (they agree but for the lowest 10 bits).
    public static func same(_ first: ULID, _ second: ULID) -> Bool {
        first.upper == second.upper && first.lower >> 10 == second.lower >> 10
    }

    /// The 24 characters every ULID of `id`'s block starts with.
    public static func key(of id: ULID) -> String {
        // Written straight into the key (the last two characters are written and left out): no whole locator first.
        String(unsafeUninitializedCapacity: 26) { buffer in
            ULIDGenerator.write(upper: id.upper, lower: id.lower, into: buffer, at: 0)
            return 24
        }
    }
}
