#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value guarded by a lock, for the little state that threads share: the event loops' inboxes and counters, the
/// recording store's sequence numbers, the mock's caches, the journal, a console's buffers.
///
/// The one lock of the package, shared with `package` access by every module that needs one; it lives here, the
/// lowest module that needs one (the HTTP core, below the transport), and uses a `pthread_mutex_t` so that the HTTP core still needs no
/// Foundation. (`Synchronization.Mutex` would do, but it needs macOS 15 and the package supports macOS 14.)
///
/// `@unchecked Sendable` is safe because `value`'s pointee is read and written only inside `withLock`, which holds `mutex`.
package final class Locked<Value>: @unchecked Sendable {
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// The value, behind a pointer: an `inout` access to a class's stored property is checked for exclusivity at
    /// run time on every call, which the mutex already guarantees.
    @usableFromInline let value: UnsafeMutablePointer<Value>

    /// Creates a guarded value.
    package init(_ value: Value) {
        self.value = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        self.value.initialize(to: value)
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed with errno \(status)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
        value.deinitialize(count: 1)
        value.deallocate()
    }

    /// Runs `body` with exclusive access to the value; inlinable, so that each use is specialised for its closure
    /// (on the request path, a generic call through a closure context cost more than the lock).
    @inlinable
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value.pointee)
    }
}
