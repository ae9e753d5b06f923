/// A list that grows at its end a run at a time and that a copy shares: each run is an immutable chunk that points at
/// the one before, so appending costs the run, not the list, and a copy (the value an undo log keeps) is one
/// reference. For the indexes that grow with a policy's history, such as its installments' locators.
struct ChunkedList<Element: Sendable & Hashable>: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// One appended run, with the number of elements up to and including it.
    private final class Chunk: Sendable {
        let items: [Element]
        let previous: Chunk?
        let count: Int

        init(_ items: [Element], previous: Chunk?) {
            self.items = items
            self.previous = previous
            self.count = (previous?.count ?? 0) + items.count
        }
    }

    /// The latest run; nil while the list is empty.
    private var last: Chunk?

    /// An empty list.
    init() {}

    /// A list of the literal's elements.
    init(arrayLiteral elements: Element...) { append(contentsOf: elements) }

    /// The number of elements.
    var count: Int { last?.count ?? 0 }

    /// Whether the list is empty.
    var isEmpty: Bool { last == nil }

    /// Appends a run, sharing what was there.
    mutating func append(contentsOf items: [Element]) {
        guard !items.isEmpty else { return }
        last = Chunk(items, previous: last)
    }

    /// Every element, oldest first.
    var elements: [Element] {
        var runs: [Chunk] = []
        var chunk = last
        while let current = chunk {
            runs.append(current)
            chunk = current.previous
        }
        var result: [Element] = []
        result.reserveCapacity(count)
        for run in runs.reversed() { result.append(contentsOf: run.items) }
        return result
    }

    /// Removes the elements `doomed` picks (a rare change: the list is rebuilt as one run).
    mutating func removeAll(where doomed: (Element) -> Bool) {
        let kept = elements.filter { !doomed($0) }
        last = kept.isEmpty ? nil : Chunk(kept, previous: nil)
    }

    /// Equal when the elements are, in order, however they were appended.
    static func == (lhs: ChunkedList, rhs: ChunkedList) -> Bool { lhs.last === rhs.last || lhs.elements == rhs.elements }

    /// Hashes the elements in order.
    func hash(into hasher: inout Hasher) { hasher.combine(elements) }
}
