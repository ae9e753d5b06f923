/// Reusable storage for parsing a stream of documents: the tape of the last document parsed, kept between documents
/// so that parsing allocates nothing once it has grown.
public struct JSONTapeScratch: Sendable {
    /// The tape of the last document parsed.
    public internal(set) var nodes: [JSONNode] = []
    /// Keys repeated within one object of the last document, when the parser reports them.
    public internal(set) var duplicateKeys: [JSONDocument.DuplicateKey] = []
    var open: [Int] = []

    /// Creates empty storage.
    public init() {}
}
