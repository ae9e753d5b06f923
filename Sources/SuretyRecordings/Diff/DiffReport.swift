/// The outcome of diffing two recordings: each exchange with differences, and how many were compared.
public struct DiffReport: Sendable, Hashable {
    /// Exchanges with at least one difference, by endpoint, then request, then recorded order.
    public var exchanges: [ExchangeDiff]
    /// How many OLD exchanges were paired with a NEW one.
    public var pairedCount: Int
    /// How many exchanges OLD has.
    public var oldCount: Int
    /// How many exchanges NEW has.
    public var newCount: Int

    /// Creates a report.
    public init(exchanges: [ExchangeDiff], pairedCount: Int, oldCount: Int = 0, newCount: Int = 0) {
        self.exchanges = exchanges
        self.pairedCount = pairedCount
        self.oldCount = oldCount
        self.newCount = newCount
    }

    /// Whether NEW has no exchange at all while OLD has some: every endpoint is gone, which always fails.
    public var newIsEmpty: Bool { newCount == 0 && oldCount > 0 }

    /// Every difference, in report order.
    public var differences: [Difference] { exchanges.flatMap(\.differences) }

    /// How many differences have `severity`.
    public func count(_ severity: DiffSeverity) -> Int {
        exchanges.reduce(0) { $0 + $1.differences.filter { $0.severity == severity }.count }
    }

    /// How many differences fail under `threshold`.
    public func failingCount(_ threshold: DiffFailureThreshold) -> Int {
        differences.filter { threshold.fails($0.severity) }.count
    }

    /// The endpoints with differences, most severe first, then by name; each with its exchanges in report order.
    public var byEndpoint: [(endpoint: String, exchanges: [ExchangeDiff])] {
        var groups: [String: [ExchangeDiff]] = [:]
        for exchange in exchanges { groups[exchange.endpoint, default: []].append(exchange) }
        return groups.map { (endpoint: $0.key, exchanges: $0.value) }.sorted { lhs, rhs in
            let left = lhs.exchanges.compactMap(\.worstSeverity).min() ?? .compatible
            let right = rhs.exchanges.compactMap(\.worstSeverity).min() ?? .compatible
            if left != right { return left < right }
            return lhs.endpoint < rhs.endpoint
        }.map { group in
            (group.endpoint, group.exchanges.enumerated().sorted { lhs, rhs in
                let left = lhs.element.worstSeverity ?? .compatible, right = rhs.element.worstSeverity ?? .compatible
                return left != right ? left < right : lhs.offset < rhs.offset
            }.map(\.element))
        }
    }
}
