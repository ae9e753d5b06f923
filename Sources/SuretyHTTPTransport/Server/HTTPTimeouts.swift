/// How long each phase of a connection may take before the server gives up on it.
///
/// Every timeout measures one phase as a whole: bytes trickling in do not restart it, so a slow
/// client cannot hold a connection open by sending one byte at a time.
public struct HTTPTimeouts: Sendable, Hashable {
    /// From the first byte of a request to the end of its header section; default 10 s; expiry → 408 and close.
    public var headerTimeout: Duration
    /// From the end of the header section to the end of the body; default 30 s; expiry → 408 and close.
    public var bodyTimeout: Duration
    /// How long a persistent connection may sit with no request in progress; default 60 s; expiry → silent close.
    public var idleTimeout: Duration
    /// How long a response may wait with no bytes accepted by the client; default 30 s; expiry → close.
    public var writeTimeout: Duration
    /// After the server's last response on a closing connection, how long it keeps draining input so the
    /// client reads the response instead of a reset (lingering close); default 2 s.
    public var lingerTimeout: Duration

    /// Creates timeouts; every argument defaults to the documented default.
    public init(
        headerTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(60),
        writeTimeout: Duration = .seconds(30),
        lingerTimeout: Duration = .seconds(2)
    ) {
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.lingerTimeout = lingerTimeout
    }

    /// The documented defaults: header 10 s, body 30 s, idle 60 s, write 30 s, linger 2 s.
    public static let `default` = HTTPTimeouts()
}

extension Duration {
    /// The duration in whole nanoseconds, saturating at `UInt64.max` and clamping negatives to 0.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole &+ UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}
