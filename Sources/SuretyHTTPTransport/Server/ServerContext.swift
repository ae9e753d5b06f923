import Foundation
import SuretyHTTPCore

/// The configuration and shared counters every event loop of one server reads.
///
/// Immutable after creation except for `counters` (behind a lock) and `loops`, which is written
/// once before any loop thread starts and only read afterwards; hence `@unchecked Sendable`.
final class ServerContext: @unchecked Sendable {
    /// Parser limits.
    let limits: HTTPLimits
    /// Timeouts in nanoseconds.
    let timerLimits: ConnectionTimer.Limits
    /// The smallest timeout, which decides how often loops scan for expired deadlines.
    let scanInterval: UInt64
    /// The cap on open connections.
    let maxConnections: Int
    /// The responder.
    let responder: any Responder
    /// The same responder when it can answer inline on the loop thread.
    let synchronousResponder: (any SynchronousResponder)?
    /// Whether responses carry a Date field.
    let includesDate: Bool
    /// Which poller loops use.
    let pollerKind: EventPollerKind
    /// The event loops; set once by the server before threads start.
    var loops: [EventLoop] = []

    /// Counts shared between loops.
    struct Counters {
        var open = 0
        var accepted = 0
        var rejected = 0
        var nextID: UInt64 = 0
    }

    /// Connection counts, updated by the accepting loop and by loops closing connections.
    let counters = Locked(Counters())

    /// The canned answer to a connection beyond the cap.
    let rejectionBytes = HTTPResponseSerializer().serialize(
        .problem(status: .serviceUnavailable, title: "Too many connections"),
        context: .init(closesConnection: true)
    )

    init(
        limits: HTTPLimits, timeouts: HTTPTimeouts, maxConnections: Int, responder: any Responder,
        includesDate: Bool, pollerKind: EventPollerKind
    ) {
        self.limits = limits
        timerLimits = ConnectionTimer.Limits(timeouts)
        let smallest = [timerLimits.header, timerLimits.body, timerLimits.idle, timerLimits.write, timerLimits.linger].min()!
        scanInterval = min(max(smallest / 8, 5_000_000), 250_000_000)
        self.maxConnections = maxConnections
        self.responder = responder
        synchronousResponder = responder as? any SynchronousResponder
        self.includesDate = includesDate
        self.pollerKind = pollerKind
    }

    /// Claims a connection slot and an id, or returns `nil` when the server is at its cap.
    func admitConnection() -> UInt64? {
        counters.withLock { counters in
            guard counters.open < maxConnections else {
                counters.rejected += 1
                return nil
            }
            counters.open += 1
            counters.accepted += 1
            counters.nextID += 1
            return counters.nextID
        }
    }

    /// Frees a connection slot.
    func releaseConnection() {
        counters.withLock { $0.open -= 1 }
    }
}

/// The monotonic clock the loops read, in nanoseconds.
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
}
