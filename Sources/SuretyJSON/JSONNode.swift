/// One entry of a parsed document's tape: a token with its byte range and, for containers, the extent of its subtree.
///
/// The tape lists the nodes of a document in document order. An object's children alternate key (a string node) and
/// value; an array's children are its elements. `next` is the tape index just past the node's subtree, so a reader
/// skips a whole value in one step.
public struct JSONNode: Sendable, Equatable {
    /// The kind of token a node stands for.
    public enum Kind: UInt8, Sendable {
        case null, `true`, `false`, number, string, array, object
    }

    /// The node's kind.
    public var kind: Kind
    /// For strings: the content holds a backslash escape and must be decoded. For numbers: the literal has a fraction or exponent.
    public var flag: Bool
    /// Byte offset where the token starts; for strings, just after the opening quote.
    public var start: UInt32
    /// Byte offset where the token ends (exclusive); for strings, the closing quote; for containers, just past the closing bracket.
    public var end: UInt32
    /// Tape index just past this node's subtree.
    public var next: UInt32
    /// Number of children: members for an object (each member is a key node and a value node), elements for an array.
    public var count: UInt32
}
