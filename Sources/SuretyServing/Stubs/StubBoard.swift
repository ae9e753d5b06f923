import SuretyHTTPCore

/// The stubs pinned on one server or test session, newest first, each with its id and the requests it has left.
public final class StubBoard: Sendable {
    /// One pinned stub.
    public struct Pinned: Sendable {
        /// Its id on this board, from 1.
        public var id: Int
        /// The stub.
        public var stub: Stub
        /// The requests it has left; nil for every request.
        public var remaining: Int?
    }

    /// The most stubs a board holds.
    public static let maxStubs = 1_000

    private let state = Locked<(pinned: [Pinned], nextID: Int)>(([], 1))

    /// Creates an empty board.
    public init() {}

    /// Pins a stub in front of those pinned before it and returns its id; nil when the board holds ``maxStubs``.
    @discardableResult
    public func pin(_ stub: Stub) -> Int? {
        state.withLock { state in
            guard state.pinned.count < Self.maxStubs else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.pinned.insert(Pinned(id: id, stub: stub, remaining: stub.times), at: 0)
            return id
        }
    }

    /// The newest stub that fits the request and has requests left, counting this one; nil when none does.
    public func take(_ request: HTTPRequest) -> Stub? {
        state.withLock { state in
            guard let index = state.pinned.firstIndex(where: { ($0.remaining ?? 1) > 0 && $0.stub.matches(request) }) else { return nil }
            if let remaining = state.pinned[index].remaining { state.pinned[index].remaining = remaining - 1 }
            return state.pinned[index].stub
        }
    }

    /// The stub that would answer the request, without counting it.
    public func peek(_ request: HTTPRequest) -> Stub? {
        state.withLock { state in state.pinned.first { ($0.remaining ?? 1) > 0 && $0.stub.matches(request) }?.stub }
    }

    /// Every stub pinned, newest first.
    public var pinned: [Pinned] { state.withLock { $0.pinned } }

    /// Every stub pinned, newest first, with the requests each has left (nil: unlimited).
    public var stubs: [(stub: Stub, remaining: Int?)] { pinned.map { ($0.stub, $0.remaining) } }

    /// Unpins one stub; false when no stub has that id.
    @discardableResult
    public func remove(id: Int) -> Bool {
        state.withLock { state in
            let before = state.pinned.count
            state.pinned.removeAll { $0.id == id }
            return state.pinned.count < before
        }
    }

    /// Unpins every stub.
    public func removeAll() {
        state.withLock { $0.pinned.removeAll() }
    }
}
