import Foundation

/// The violations a server has seen, newest last, bounded so a long run cannot exhaust memory.
///
/// Shared by every connection of a server, so it is a class guarded by a lock; `@unchecked Sendable` is safe because
/// every stored property is read and written only while `lock` is held.
public final class ViolationLog: @unchecked Sendable {
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
    private let lock = NSLock()
    private var entries: [Entry] = []
    private var exchanges = 0
    private var violationCount = 0

    /// Creates an empty log keeping at most `maxEntries` entries.
    public init(maxEntries: Int = 1_000, secrets: SecretPolicy = .default) {
        self.maxEntries = maxEntries
        self.secrets = secrets
    }

    /// Records an exchange and returns its sequence number; only exchanges with violations become entries.
    @discardableResult
    public func record(method: String, target: String, endpointID: String?, status: Int, violations: [Violation]) -> Int {
        lock.lock()
        defer { lock.unlock() }
        exchanges += 1
        guard !violations.isEmpty else { return exchanges }
        violationCount += violations.count { $0.isError }
        entries.append(Entry(sequence: exchanges, method: method, target: secrets.redact(target: target), endpointID: endpointID,
                             status: status, violations: violations.prefix(Self.maxViolationsPerEntry).map(secrets.redact),
                             notListed: max(0, violations.count - Self.maxViolationsPerEntry)))
        if entries.count > maxEntries { entries.removeFirst(entries.count - maxEntries) }
        return exchanges
    }

    /// The kept entry of an exchange, by its sequence number.
    public func entry(sequence: Int) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries.last { $0.sequence == sequence }
    }

    /// The kept entries (with warnings too), oldest first, the exchanges seen and the violations that are errors.
    public func snapshot() -> (entries: [Entry], exchanges: Int, violations: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (entries, exchanges, violationCount)
    }

    /// Forgets everything.
    public func reset() {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll()
        exchanges = 0
        violationCount = 0
    }
}
