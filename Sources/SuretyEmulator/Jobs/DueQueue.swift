import SuretySchemas

/// The instants at which jobs move by themselves, earliest first (ties by locator): a binary heap in one array, so
/// adding a job or taking the earliest costs O(log n) and allocates nothing but the array's growth.
///
/// An entry may be stale (its job since moved, or was removed); ``JobLedger`` checks each against its job as it takes
/// it. That makes undoing a change cheap: while a change is recorded (``beginChange()``) the entries it takes are
/// kept, and a change not kept puts them back; the entries it added stay, stale, and are skipped when they come up.
struct DueQueue: Sendable {
    /// One entry.
    struct Entry: Sendable {
        let due: Timestamp
        let locator: String

        /// Whether this entry comes out before `other`.
        func precedes(_ other: Entry) -> Bool { (due, locator) < (other.due, other.locator) }
    }

    /// The heap: each entry precedes (or ties) its two children at `2i + 1` and `2i + 2`.
    private var heap: [Entry] = []
    /// The entries taken since ``beginChange()``, or nil while no change is recorded.
    private var taken: [Entry]?

    /// Creates an empty queue.
    init() {}

    /// How many entries the queue holds, stale ones included.
    var count: Int { heap.count }

    /// The earliest entry, or nil when the queue is empty.
    var first: (due: Timestamp, locator: String)? { heap.first.map { ($0.due, $0.locator) } }

    /// Adds an entry.
    mutating func insert(_ due: Timestamp, _ locator: String) { push(Entry(due: due, locator: locator)) }

    /// Removes the earliest entry (kept for an undo while a change is recorded).
    mutating func removeFirst() {
        guard !heap.isEmpty else { return }
        let first = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        taken?.append(first)
    }

    /// Starts keeping the entries taken, so that ``endChange(keeping:)`` can put them back.
    mutating func beginChange() { taken = [] }

    /// Ends the change: not kept, the entries it took are back (those it added stay, stale).
    mutating func endChange(keeping: Bool) {
        let back = taken ?? []
        taken = nil
        if !keeping { for entry in back { push(entry) } }
    }

    private mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var first = parent
            if left < heap.count, heap[left].precedes(heap[first]) { first = left }
            if right < heap.count, heap[right].precedes(heap[first]) { first = right }
            guard first != parent else { return }
            heap.swapAt(parent, first)
            parent = first
        }
    }
}
