import Foundation

/// Counts routings, so a test can prove a stack routes each request exactly once.
package final class RouteObserver: @unchecked Sendable {
    // @unchecked Sendable: `routed` is only read or written while `lock` is held.
    private let lock = NSLock()
    private var routed = 0

    /// Creates a counter at zero.
    package init() {}

    /// Counts one routing.
    package func count() {
        lock.withLock { routed += 1 }
    }

    /// The routings counted so far.
    package var routings: Int { lock.withLock { routed } }
}
