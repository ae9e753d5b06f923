/// An exchange read from a recordings folder, with the file it came from and its place in the recorded order.
public struct StoredExchange: Sendable, Hashable {
    /// The file, relative to the recordings folder: `getJob/000042-1a2b3c4d.json`.
    public var file: String
    /// The sequence number the file name starts with; nil for hand-named files, which sort after numbered ones.
    public var sequence: Int?
    /// The exchange.
    public var exchange: Exchange

    /// Creates a stored exchange.
    public init(file: String, sequence: Int?, exchange: Exchange) {
        self.file = file
        self.sequence = sequence
        self.exchange = exchange
    }

    /// Recorded order: by sequence, then file name.
    static func precedes(_ lhs: StoredExchange, _ rhs: StoredExchange) -> Bool {
        (lhs.sequence ?? Int.max, lhs.file) < (rhs.sequence ?? Int.max, rhs.file)
    }
}
