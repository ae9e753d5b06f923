import Foundation
import SuretyHTTPCore

/// The violations a server has seen, newest last, bounded so a long run cannot exhaust memory.
///
/// Shared by every connection of a server, so its state is behind a lock.
public final class ViolationLog: Sendable {
    /// One exchange that broke the contract.
    public struct Entry: Sendable, Hashable {
        /// The exchange's number in the server's life, from 1.
        public var sequence: Int
        /// The request's method.
        public var method: String
        /// The request's target.
        public var target: String
        /// The endpoint, when the request routed.
        public var endpointID: String?
        /// The response's status.
        public var status: Int
        /// The exchange's violations, at most ``ViolationLog/maxViolationsPerEntry``.
        public var violations: [Violation]
        /// How many more violations the exchange had than the entry keeps.
        public var notListed: Int = 0
    }

    /// The most violations one entry keeps, so the log's memory and `GET /__surety/violations` never grow with a
    /// request body.
    public static let maxViolationsPerEntry = 100

    /// The most entries kept; older ones are dropped but still counted.
    public let maxEntries: Int
    /// The secrets an entry never holds: a target's secret query values and the values violations quote.
    public let secrets: SecretPolicy
    private let state: Locked<State>

    /// What the log holds, behind its lock.
    private struct State {
        var entries: BoundedEntries<Entry>
        var exchanges = 0
        var violationCount = 0
    }

    /// Creates an empty log keeping at most `maxEntries` entries.
    public init(maxEntries: Int = 1_000, secrets: SecretPolicy = .default) {
        self.maxEntries = maxEntries
        self.secrets = secrets
        state = Locked(State(entries: BoundedEntries(bound: maxEntries)))
    }

    /// Records an exchange and returns its sequence number; only exchanges with violations become entries.
    @discardableResult
    public func record(method: String, target: String, endpointID: String?, status: Int, violations: [Violation]) -> Int {
        state.withLock { state in
            state.exchanges += 1
            guard !violations.isEmpty else { return state.exchanges }
            state.violationCount += violations.count { $0.isError }
            state.entries.append(Entry(sequence: state.exchanges, method: method, target: secrets.redact(target: target), endpointID: endpointID,
                                       status: status, violations: violations.prefix(Self.maxViolationsPerEntry).map(secrets.redact),
                                       notListed: max(0, violations.count - Self.maxViolationsPerEntry)))
            return state.exchanges
        }
    }

    /// The kept entry of an exchange, by its sequence number.
    public func entry(sequence: Int) -> Entry? {
        state.withLock { state in state.entries.kept.last { $0.sequence == sequence } }
    }

    /// The kept entries (with warnings too), oldest first, the exchanges seen and the violations that are errors.
    public func snapshot() -> (entries: [Entry], exchanges: Int, violations: Int) {
        state.withLock { state in (Array(state.entries.kept), state.exchanges, state.violationCount) }
    }

    /// Forgets everything.
    public func reset() {
        state.withLock { $0 = State(entries: BoundedEntries(bound: maxEntries)) }
    }
}
