import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretySchemas

/// Every API request a server or a test session answered, in order: what the client sent (secrets redacted, as in
/// recordings), which endpoint it reached, what it got back and when; a bounded ring (``maxEntries``) whose counts
/// stay exact past it, read by a test (``SuretyTesting``) or over HTTP (`GET /__surety/requests`).
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
        /// When it was answered, in microseconds since 1970.
        public var microseconds: Int64

        /// When it was answered, RFC 3339 with microseconds (formatted when read, not when recorded).
        public var at: String { Timestamp(microseconds: microseconds).rfc3339(fractional: true) }
    }

    /// The most entries a journal keeps by default; older ones are dropped but still counted.
    public static let defaultMaxEntries = 10_000

    /// The most entries this journal keeps.
    public let maxEntries: Int
    /// How targets are redacted before they are kept.
    public let secrets: SecretPolicy
    private let state: Locked<State>

    private struct State {
        var entries: BoundedEntries<Entry>
        var total = 0
        var byEndpoint: [String: Int] = [:]
    }

    /// Creates an empty journal keeping at most `maxEntries` entries.
    public init(maxEntries: Int = Journal.defaultMaxEntries, secrets: SecretPolicy = .default) {
        self.maxEntries = maxEntries
        self.secrets = secrets
        state = Locked(State(entries: BoundedEntries(bound: maxEntries)))
    }

    /// Adds a request and its answer, its target redacted.
    public func record(method: String, target: String, endpointID: String?, status: Int) {
        // Only a query can hold a secret (a path holds locators), so a target without one is kept as it is.
        let kept = target.utf8.contains(UInt8(ascii: "?")) ? secrets.redact(target: target) : target
        let at = Int64(Date().timeIntervalSince1970 * 1_000_000)
        state.withLock { state in
            state.total += 1
            if let endpointID { state.byEndpoint[endpointID, default: 0] += 1 }
            state.entries.append(Entry(sequence: state.total, method: method, target: kept, endpointID: endpointID, status: status, microseconds: at))
        }
    }

    /// The kept entries, oldest first.
    public var entries: [Entry] { state.withLock { Array($0.entries.kept) } }

    /// How many requests were answered, kept or not.
    public var count: Int { state.withLock { $0.total } }

    /// How many requests reached the endpoint `endpointID`, kept or not.
    public func count(of endpointID: String) -> Int {
        state.withLock { $0.byEndpoint[endpointID] ?? 0 }
    }

    /// The kept entries of the endpoint `endpointID`, oldest first.
    public func entries(for endpointID: String) -> [Entry] {
        state.withLock { $0.entries.kept.filter { $0.endpointID == endpointID } }
    }

    /// The kept entries that fit `matcher`, oldest first.
    public func entries(matching matcher: JournalMatcher) -> [Entry] {
        state.withLock { $0.entries.kept.filter(matcher.matches) }
    }

    /// Forgets every request.
    public func reset() {
        state.withLock { $0 = State(entries: BoundedEntries(bound: maxEntries)) }
    }
}
