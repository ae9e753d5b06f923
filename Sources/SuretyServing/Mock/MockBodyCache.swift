import SuretyHTTPCore

/// Generated mock bodies by request key, bounded so that a client walking endless locators cannot exhaust memory.
final class MockBodyCache<Key: Hashable & Sendable>: Sendable {
    /// The most bodies kept; when full, the cache starts over (generation is deterministic, so nothing is lost).
    let maxEntries: Int
    private let bodies = Locked<[Key: [UInt8]]>([:])

    init(maxEntries: Int = 4_096) {
        self.maxEntries = maxEntries
    }

    /// The body generated earlier for a key.
    func bytes(for key: Key) -> [UInt8]? {
        bodies.withLock { $0[key] }
    }

    /// Keeps a generated body.
    func store(_ bytes: [UInt8], for key: Key) {
        bodies.withLock { bodies in
            if bodies.count >= maxEntries { bodies.removeAll(keepingCapacity: true) }
            bodies[key] = bytes
        }
    }

    /// How many bodies are kept (for tests).
    var count: Int {
        bodies.withLock { $0.count }
    }
}
