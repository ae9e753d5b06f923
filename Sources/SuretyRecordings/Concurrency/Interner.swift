/// Hands out one shared instance of each distinct value it is given, so that recordings of one tenant hold its
/// locator, and their identical response header fields, once per interner rather than once per recording.
///
/// Not locked: a folder is loaded with one interner per batch of files (a shared, locked table cost more CPU in lock
/// contention than it saved), which shares each value among the 256 recordings of a batch.
struct Interner<Value: Hashable> {
    private var table = Set<Value>()

    /// The instance equal to `value` that was interned first.
    mutating func intern(_ value: Value) -> Value {
        if let existing = table.firstIndex(of: value) { return table[existing] }
        table.insert(value)
        return value
    }
}
