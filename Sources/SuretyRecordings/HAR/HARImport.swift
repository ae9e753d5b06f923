/// What importing a HAR file gave: the API's exchanges, the entries that could not be read, and those left out.
public struct HARImport: Sendable {
    /// The exchanges read, in entry order.
    public var exchanges: [Exchange] = []
    /// The index in `log.entries` of each exchange, so that it can be named `FILE#index`.
    public var entryIndices: [Int] = []
    /// Entries that could not be read, each with its pointer, line and column.
    public var issues: [RecordingIssue] = []
    /// How many entries were left out, by reason.
    public var skipped: [HARSkipReason: Int] = [:]
    /// The other hosts' entries left out, by host.
    public var otherHosts: [String: Int] = [:]
    /// The host kept when entries for several hosts were present; nil when there was one host or none.
    public var apiHost: String?
    /// How many entries the file has.
    public var entryCount = 0

    /// Creates an empty import.
    public init() {}

    /// `skipped 7 of 9 entries: 4 static files, 1 CORS preflight, 1 for another host (cdn.example.com 1); the API's
    /// host is api.example.com`; nil when nothing was skipped.
    public var summary: String? {
        let total = skipped.values.reduce(0, +)
        guard total > 0 else { return nil }
        let parts = HARSkipReason.allCases.compactMap { reason -> String? in
            guard let count = skipped[reason], count > 0 else { return nil }
            guard reason == .otherHost else { return reason.counted(count) }
            return reason.counted(count) + " (" + otherHosts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        var text = "skipped \(total) of \(entryCount) entr\(entryCount == 1 ? "y" : "ies"): " + parts.joined(separator: ", ")
        if let apiHost { text += "; the API's host is \(apiHost)" }
        return text
    }
}
