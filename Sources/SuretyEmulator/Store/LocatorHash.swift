/// The 64-bit hash a ``LocatorTable`` places a locator by: FNV-1a over its bytes, then MurmurHash3's finalizer, so
/// the slots are the same in every process (Swift's `Hasher` is seeded per process) and well spread.
enum LocatorHash {
    /// The hash of a locator.
    @inline(__always) static func of(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash &*= 0xc4ce_b9fe_1a85_ec53
        return hash ^ (hash >> 33)
    }
}
