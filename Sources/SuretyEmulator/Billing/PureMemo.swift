import Foundation

/// A bounded memo of a pure function's results, shared by every thread: a fixtures file's thousands of policies share
/// their lattice and their charges' splits, so loading them computes each once, and equal results share storage.
///
/// It holds at most ``maxEntries`` results; when full it forgets them all and starts over.
final class PureMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `results` is only read or written while `lock` is held; the rest is immutable.
    private let lock = NSLock()
    private var results: [Key: Value] = [:]
    /// The most results it holds.
    let maxEntries: Int

    /// Creates an empty memo.
    init(maxEntries: Int) {
        self.maxEntries = maxEntries
    }

    /// The result for `key`, computed by `compute` (outside the lock) when not yet held.
    func value(for key: Key, compute: () -> Value) -> Value {
        if let known = lock.withLock({ results[key] }) { return known }
        let value = compute()
        lock.withLock {
            if results.count >= maxEntries { results.removeAll(keepingCapacity: true) }
            results[key] = value
        }
        return value
    }
}
