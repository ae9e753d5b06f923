/// An append-only list that a copy shares all but its last, partly filled chunk of: full chunks of ``chunkSize``
/// elements are immutable and held by reference, so appending to a copy (the value an undo log keeps, or a value read
/// out of a table) copies at most that many elements and one reference a full chunk, not the list. For the lists that
/// grow with a policy's history (its transactions, its issued facts, its installments' locators), read by index, from
/// the end or run by run.
public struct HistoryList<Element: Sendable & Hashable>: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// The elements a full chunk holds.
    public static var chunkSize: Int { 32 }

    /// A full chunk, never changed.
    private final class Chunk: Sendable {
        let items: [Element]

        init(_ items: [Element]) {
            self.items = items
        }
    }

    /// The full chunks, oldest first.
    private var full: [Chunk] = []
    /// The elements after them, fewer than ``chunkSize``.
    private var tail: [Element] = []

    /// An empty list.
    public init() {}

    /// A list of the literal's elements.
    public init(arrayLiteral elements: Element...) {
        append(contentsOf: elements)
    }

    /// The first index: 0.
    public var startIndex: Int { 0 }

    /// The number of elements.
    public var endIndex: Int { full.count * Self.chunkSize + tail.count }

    /// The element at `position` (a copy: a loop reading members of many elements reads ``runs``).
    public subscript(position: Int) -> Element {
        let inFull = full.count * Self.chunkSize
        return position < inFull ? full[position / Self.chunkSize].items[position % Self.chunkSize] : tail[position - inFull]
    }

    /// The elements as arrays, oldest first (the full chunks, then the rest): a loop over them reads an element's
    /// members in place, where one through the subscript copies each element it reads.
    public var runs: [[Element]] {
        full.map(\.items) + (tail.isEmpty ? [] : [tail])
    }

    /// Appends an element; a chunk that fills up is frozen and shared from then on.
    public mutating func append(_ element: Element) {
        tail.append(element)
        guard tail.count == Self.chunkSize else { return }
        full.append(Chunk(tail))
        tail.removeAll(keepingCapacity: true)
    }

    /// Appends elements in order.
    public mutating func append<Elements: Sequence>(contentsOf elements: Elements) where Elements.Element == Element {
        for element in elements { append(element) }
    }

    /// Removes the elements `doomed` picks (a rare change: the list is rebuilt).
    public mutating func removeAll(where doomed: (Element) -> Bool) {
        var kept = HistoryList()
        for element in self where !doomed(element) { kept.append(element) }
        self = kept
    }

    /// Equal when the elements are, in order, however they are chunked.
    public static func == (lhs: HistoryList, rhs: HistoryList) -> Bool { lhs.elementsEqual(rhs) }

    /// Hashes the elements in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}
