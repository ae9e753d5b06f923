import Foundation

/// A value guarded by a lock, for the little state the store and the replay index share between requests.
///
/// `@unchecked Sendable` is safe because every access to `value` happens inside `withLock`.
/// (`Synchronization.Mutex` would do, but it needs macOS 15 and the package supports macOS 14.)
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// Creates a guarded value.
    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
