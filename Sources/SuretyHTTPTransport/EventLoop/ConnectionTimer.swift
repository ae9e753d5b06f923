/// The deadline state machine of one connection: which phase it is in, since when, and what expiry means.
///
/// A pure value driven by a caller-supplied monotonic clock reading, so every transition is
/// testable without sockets or waiting.
struct ConnectionTimer: Sendable, Hashable {
    /// What the connection is doing, which decides the timeout that applies.
    enum Activity: Sendable, Hashable {
        /// Waiting for the next request: ``HTTPTimeouts/idleTimeout``.
        case idle
        /// Receiving a request line and headers: ``HTTPTimeouts/headerTimeout``.
        case readingHead
        /// Receiving a body: ``HTTPTimeouts/bodyTimeout``.
        case readingBody
        /// Waiting for the responder: no timeout (the responder owns its own).
        case responding
        /// Waiting for the client to accept response bytes: ``HTTPTimeouts/writeTimeout``, restarted on progress.
        case writing
        /// Draining input after the final response: ``HTTPTimeouts/lingerTimeout``.
        case lingering
    }

    /// What to do when a phase runs out of time.
    enum Expiry: Sendable, Hashable {
        /// Close silently: the client left an idle connection open too long.
        case idle
        /// Answer 408 and close: the header section took too long.
        case header
        /// Answer 408 and close: the body took too long.
        case body
        /// Close: the client stopped reading.
        case write
        /// Close: lingering is over.
        case linger
    }

    private(set) var activity: Activity
    private(set) var since: UInt64
    private let limits: Limits

    /// The timeouts in nanoseconds.
    struct Limits: Sendable, Hashable {
        let header, body, idle, write, linger: UInt64

        init(_ timeouts: HTTPTimeouts) {
            header = timeouts.headerTimeout.nanoseconds
            body = timeouts.bodyTimeout.nanoseconds
            idle = timeouts.idleTimeout.nanoseconds
            write = timeouts.writeTimeout.nanoseconds
            linger = timeouts.lingerTimeout.nanoseconds
        }
    }

    /// Starts an idle connection at `now`.
    init(limits: Limits, now: UInt64) {
        self.limits = limits
        activity = .idle
        since = now
    }

    /// Records the current activity; the phase clock restarts only when the activity changes.
    mutating func observe(_ activity: Activity, now: UInt64) {
        guard activity != self.activity else { return }
        self.activity = activity
        since = now
    }

    /// Records that the client accepted response bytes, restarting the write timeout.
    mutating func noteWriteProgress(now: UInt64) {
        if activity == .writing { since = now }
    }

    /// The expiry due at `now`, if the current phase has run out of time.
    func expiry(now: UInt64) -> Expiry? {
        let elapsed = now &- since
        switch activity {
        case .idle: return elapsed >= limits.idle ? .idle : nil
        case .readingHead: return elapsed >= limits.header ? .header : nil
        case .readingBody: return elapsed >= limits.body ? .body : nil
        case .responding: return nil
        case .writing: return elapsed >= limits.write ? .write : nil
        case .lingering: return elapsed >= limits.linger ? .linger : nil
        }
    }
}
