import SuretyHTTPCore

/// Counts routings, so a test can prove a stack routes each request exactly once.
package final class RouteObserver: Sendable {
    private let routed = Locked(0)

    /// Creates a counter at zero.
    package init() {}

    /// Counts one routing.
    package func count() {
        routed.withLock { $0 += 1 }
    }

    /// The routings counted so far.
    package var routings: Int { routed.withLock { $0 } }
}
