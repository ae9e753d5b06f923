/// The readiness notification mechanism behind an event loop: epoll on Linux, poll(2) anywhere.
enum EventPollerKind: Sendable, Hashable {
    /// Linux epoll, level-triggered; O(ready) per wait.
    case epoll
    /// POSIX poll(2); O(registered) per wait, available on every platform.
    case poll
}

/// What a registered descriptor should be watched for.
struct PollInterest: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    /// Wake when the descriptor has bytes to read, or end-of-file.
    static let read = PollInterest(rawValue: 1)
    /// Wake when the descriptor can accept more bytes.
    static let write = PollInterest(rawValue: 2)
}

/// One descriptor's readiness from a wait.
struct PollEvent: Sendable, Hashable {
    /// The ready descriptor.
    var fileDescriptor: Int32
    /// Bytes (or end-of-file) can be read.
    var readable: Bool
    /// Bytes can be written.
    var writable: Bool
    /// The descriptor hung up or has an error pending; reported even without interest.
    var failed: Bool
}

/// A level-triggered readiness queue owned by one event-loop thread.
protocol EventPoller: AnyObject {
    /// Starts watching `descriptor`.
    func add(_ descriptor: Int32, interest: PollInterest) throws(SocketError)
    /// Changes what `descriptor` is watched for.
    func modify(_ descriptor: Int32, interest: PollInterest) throws(SocketError)
    /// Stops watching `descriptor`; call before closing it.
    func remove(_ descriptor: Int32)
    /// Waits up to `timeoutMilliseconds` (-1: forever) and replaces `events` with what is ready.
    func wait(timeoutMilliseconds: Int32, into events: inout [PollEvent]) throws(SocketError)
    /// Releases the poller's own descriptors.
    func close()
}

/// Creates the poller for `kind`, falling back to poll(2) where epoll is unavailable.
func makeEventPoller(_ kind: EventPollerKind) throws(SocketError) -> any EventPoller {
    #if os(Linux)
    if kind == .epoll, let poller = try EpollPoller() { return poller }
    #endif
    return PollPoller()
}
