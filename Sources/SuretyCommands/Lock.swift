import Foundation

/// A mutual-exclusion lock around a closure.
final class Lock: @unchecked Sendable {
    // Safe: NSLock is thread-safe; this class only forwards to it.
    private let lock = NSLock()

    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
