/// Every API request a session answered, in order: what the code under test sent, which endpoint it reached and
/// what it got back, readable from the test.
public final class Journal: Sendable {
    /// One request and its answer.
    public struct Entry: Sendable, Hashable {
        /// The request's number in the session, from 1.
        public var sequence: Int
        /// The request's method.
        public var method: String
        /// The request's target, path and query.
        public var target: String
        /// The contract's endpoint id, when the request routed to one.
        public var endpointID: String?
        /// The response's status code.
        public var status: Int
    }

    /// The most entries a journal keeps by default; older ones are dropped but still counted.
    public static let defaultMaxEntries = 10_000

    /// The most entries this journal keeps.
    public let maxEntries: Int
    private let state = LockedValue(State())

    private struct State {
        var entries: [Entry] = []
        var total = 0
        var byEndpoint: [String: Int] = [:]
    }

    /// Creates an empty journal keeping at most `maxEntries` entries.
    public init(maxEntries: Int = Journal.defaultMaxEntries) {
        self.maxEntries = maxEntries
    }

    /// Adds a request and its answer.
    func record(method: String, target: String, endpointID: String?, status: Int) {
        state.withLock { state in
            state.total += 1
            if let endpointID { state.byEndpoint[endpointID, default: 0] += 1 }
            state.entries.append(Entry(sequence: state.total, method: method, target: target, endpointID: endpointID, status: status))
            if state.entries.count > maxEntries { state.entries.removeFirst(state.entries.count - maxEntries) }
        }
    }

    /// The kept entries, oldest first.
    public var entries: [Entry] { state.withLock { $0.entries } }

    /// How many requests were answered, kept or not.
    public var count: Int { state.withLock { $0.total } }

    /// How many requests reached the endpoint `endpointID`, kept or not.
    public func count(of endpointID: String) -> Int {
        state.withLock { $0.byEndpoint[endpointID] ?? 0 }
    }

    /// The kept entries of the endpoint `endpointID`, oldest first.
    public func entries(for endpointID: String) -> [Entry] {
        state.withLock { $0.entries.filter { $0.endpointID == endpointID } }
    }

    /// Forgets every request.
    func reset() {
        state.withLock { $0 = State() }
    }
}
