import Foundation

/// Generated mock bodies by request key, bounded so that a client walking endless locators cannot exhaust memory.
///
/// `@unchecked Sendable` is safe: `bodies` is only touched while `lock` is held.
final class MockBodyCache<Key: Hashable & Sendable>: @unchecked Sendable {
    /// The most bodies kept; when full, the cache starts over (generation is deterministic, so nothing is lost).
    let maxEntries: Int
    private let lock = NSLock()
    private var bodies: [Key: [UInt8]] = [:]

    init(maxEntries: Int = 4_096) {
        self.maxEntries = maxEntries
    }

    /// The body generated earlier for a key.
    func bytes(for key: Key) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return bodies[key]
    }

    /// Keeps a generated body.
    func store(_ bytes: [UInt8], for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if bodies.count >= maxEntries { bodies.removeAll(keepingCapacity: true) }
        bodies[key] = bytes
    }

    /// How many bodies are kept (for tests).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return bodies.count
    }
}
