/// The differences found for one request: an exchange gone, new, or paired with its counterpart.
public struct ExchangeDiff: Sendable, Hashable {
    /// The contract's endpoint id, or the path of an unrouted request.
    public var endpoint: String
    /// The request's matcher key description (OLD's when paired).
    public var request: String
    /// The OLD recording file (or HAR entry), when the exchange is in OLD.
    public var oldFile: String?
    /// The NEW recording file (or HAR entry), when the exchange is in NEW.
    public var newFile: String?
    /// The differences, most severe first, then in document order.
    public var differences: [Difference]

    /// Creates an exchange diff.
    public init(endpoint: String, request: String, oldFile: String?, newFile: String?, differences: [Difference]) {
        self.endpoint = endpoint
        self.request = request
        self.oldFile = oldFile
        self.newFile = newFile
        self.differences = differences
    }

    /// The most severe difference's severity; nil when there is none.
    public var worstSeverity: DiffSeverity? { differences.map(\.severity).min() }
}
