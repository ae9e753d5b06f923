/// The tenant's document instances by locator, with the locators of each transaction's documents kept beside them, so
/// that listing a transaction's or a segment's documents reads those, not every document the tenant has.
///
/// Reads and writes go through the subscript like a ``LocatorTable``'s; every write keeps the index.
public struct DocumentTable: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    private var table: LocatorTable<DocumentInstance> = [:]
    /// Document locators by the transaction that made them, oldest first. Derived from ``table``.
    private var byTransaction: LocatorTable<[String]> = [:]

    /// Creates an empty table.
    public init() {}

    /// Creates a table from literal pairs.
    public init(dictionaryLiteral elements: (String, DocumentInstance)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// The document with a locator, or nil; setting nil removes it.
    public subscript(locator: String) -> DocumentInstance? {
        get { table[locator] }
        set {
            let old = newValue == nil ? table.removeValue(forKey: locator) : table.updateValue(newValue!, forKey: locator)
            guard old?.transactionLocator != newValue?.transactionLocator else { return }
            if let old { byTransaction[old.transactionLocator]?.removeAll { $0 == locator } }
            if let newValue { byTransaction[newValue.transactionLocator, default: []].append(locator) }
        }
    }

    /// The documents a transaction made (for itself or for its segment), oldest first.
    public func made(by transactionLocator: String) -> [DocumentInstance] {
        (byTransaction[transactionLocator] ?? []).compactMap { table[$0] }
    }

    /// Every document, in no particular order.
    public var values: [DocumentInstance] { table.values }

    /// The number of documents.
    public var count: Int { table.count }

    /// Iterates the `(key, value)` pairs, in no particular order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: DocumentInstance)]> { table.makeIterator() }

    /// Equal when both hold the same documents (the index is derived from them).
    public static func == (lhs: DocumentTable, rhs: DocumentTable) -> Bool { lhs.table == rhs.table }

    /// Hashes the documents.
    public func hash(into hasher: inout Hasher) { hasher.combine(table) }

    /// Starts recording a change (see ``LocatorTable/beginChange(_:)``).
    public mutating func beginChange(_ epoch: UInt64) {
        table.beginChange(epoch)
        byTransaction.beginChange(epoch)
    }

    /// Ends the open change, kept or undone.
    public mutating func endChange(keeping: Bool) {
        table.endChange(keeping: keeping)
        byTransaction.endChange(keeping: keeping)
    }
}
