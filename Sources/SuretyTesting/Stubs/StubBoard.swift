import SuretyHTTPCore

/// The stubs pinned in one session, newest first, each with the requests it has left.
public final class StubBoard: Sendable {
    private struct Pinned {
        var stub: Stub
        var remaining: Int?
    }

    private let pinned = LockedValue<[Pinned]>([])

    /// Creates an empty board.
    public init() {}

    /// Pins a stub in front of those pinned before it.
    public func pin(_ stub: Stub) {
        pinned.withLock { $0.insert(Pinned(stub: stub, remaining: stub.times), at: 0) }
    }

    /// The newest stub that fits the request and has requests left, counting this one; nil when none does.
    public func take(_ request: HTTPRequest) -> Stub? {
        pinned.withLock { pinned in
            guard let index = pinned.firstIndex(where: { ($0.remaining ?? 1) > 0 && $0.stub.matches(request) }) else { return nil }
            if let remaining = pinned[index].remaining { pinned[index].remaining = remaining - 1 }
            return pinned[index].stub
        }
    }

    /// Every stub pinned, newest first, with the requests each has left (nil: unlimited).
    public var stubs: [(stub: Stub, remaining: Int?)] {
        pinned.withLock { $0.map { ($0.stub, $0.remaining) } }
    }

    /// Unpins every stub.
    public func removeAll() {
        pinned.withLock { $0.removeAll() }
    }
}
