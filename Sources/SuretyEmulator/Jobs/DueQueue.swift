import SuretySchemas

/// The instants at which jobs move by themselves, earliest first (ties by locator): a binary heap in one array, so
/// adding a job or taking the earliest costs O(log n) and allocates nothing but the array's growth.
///
/// An entry may be stale (its job since moved, or was removed); ``JobLedger`` checks each against its job as it takes
/// it. While a change is recorded (``beginChange()``) every write to the array is logged, and a change not kept is
/// written back exactly, so a request that is undone (a GET, a refusal) leaves the queue as it found it: O(log n) a
/// write to log and to undo, never a copy of the queue.
struct DueQueue: Sendable {
    /// One entry.
    struct Entry: Sendable {
        let due: Timestamp
        let locator: String

        /// Whether this entry comes out before `other`.
        func precedes(_ other: Entry) -> Bool { (due, locator) < (other.due, other.locator) }
    }

    /// One logged write to the array.
    private enum Write: Sendable {
        case replaced(Int, Entry)
        case appended
        case removedLast(Entry)
    }

    /// The heap: each entry precedes (or ties) its two children at `2i + 1` and `2i + 2`.
    private var heap: [Entry] = []
    /// The writes since ``beginChange()``, oldest first, or nil while no change is recorded.
    private var log: [Write]?

    /// Creates an empty queue.
    init() {}

    /// How many entries the queue holds, stale ones included.
    var count: Int { heap.count }

    /// The earliest entry, or nil when the queue is empty.
    var first: (due: Timestamp, locator: String)? { heap.first.map { ($0.due, $0.locator) } }

    /// Adds an entry.
    mutating func insert(_ due: Timestamp, _ locator: String) {
        log?.append(.appended)
        heap.append(Entry(due: due, locator: locator))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            swap(child, parent)
            child = parent
        }
    }

    /// Removes the earliest entry.
    mutating func removeFirst() {
        guard let last = heap.last else { return }
        log?.append(.removedLast(last))
        heap.removeLast()
        guard !heap.isEmpty else { return }
        write(0, last)
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var first = parent
            if left < heap.count, heap[left].precedes(heap[first]) { first = left }
            if right < heap.count, heap[right].precedes(heap[first]) { first = right }
            guard first != parent else { return }
            swap(parent, first)
            parent = first
        }
    }

    /// Starts logging the writes, so that ``endChange(keeping:)`` can undo them.
    mutating func beginChange() { log = [] }

    /// Ends the change: not kept, its writes are undone, newest first.
    mutating func endChange(keeping: Bool) {
        let writes = log ?? []
        log = nil
        guard !keeping else { return }
        for write in writes.reversed() {
            switch write {
            case .replaced(let index, let old): heap[index] = old
            case .appended: heap.removeLast()
            case .removedLast(let old): heap.append(old)
            }
        }
    }

    private mutating func write(_ index: Int, _ entry: Entry) {
        log?.append(.replaced(index, heap[index]))
        heap[index] = entry
    }

    private mutating func swap(_ first: Int, _ second: Int) {
        let entry = heap[first]
        write(first, heap[second])
        write(second, entry)
    }
}
