import SuretyHTTPCore

/// The numbers that tell one recorded change of a store (``TenantStore/beginChange()``) from every other in the
/// process, so that an entry a change made is known by its number alone; 0 means no change is open.
public enum ChangeEpoch {
    private static let last = Locked<UInt64>(0)

    /// A number no earlier change had.
    public static func next() -> UInt64 { last.withLock { last in last += 1; return last } }
}
