import SuretySchemas

/// The instants at which jobs move by themselves, earliest first (ties by locator): a binary heap in one array, so
/// adding a job or taking the earliest costs O(log n) and allocates nothing but the array's growth.
///
/// An entry may be stale (its job since moved, or was removed); ``JobLedger`` checks each against its job as it takes
/// it. While a change is recorded (``beginChange()``) every write to the array is logged, and a change not kept is
/// written back exactly, so a request that is undone (a GET, a refusal) leaves the queue as it found it: O(log n) a
/// write to log and to undo, never a copy of the queue. A job's locator is held as its 128 bits when it is a ULID (as
/// every locator the emulator makes is), so moving an entry copies 32 bytes and counts no reference.
struct DueQueue: Sendable {
    /// A job's locator as the queue holds it: its bits when it reads as a ULID, else its text (a fixture's own).
    enum Key: Sendable, Comparable {
        case ulid(ULID)
        case text(String)

        /// Holds `locator`.
        init(_ locator: String) { self = ULID(locator).map(Key.ulid) ?? .text(locator) }

        /// The locator.
        var locator: String {
            switch self {
            case .ulid(let id): id.string
            case .text(let text): text
            }
        }

        /// Locator order: two ULIDs compare by their bits, which is the order of their text.
        static func < (left: Key, right: Key) -> Bool {
            if case .ulid(let first) = left, case .ulid(let second) = right { return first < second }
            return left.locator < right.locator
        }
    }

    /// One entry.
    struct Entry: Sendable {
        let due: Timestamp
        let key: Key

        /// Whether this entry comes out before `other`.
        func precedes(_ other: Entry) -> Bool { due != other.due ? due < other.due : key < other.key }
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

    /// When the earliest entry falls due, or nil when the queue is empty.
    var firstDue: Timestamp? { heap.first?.due }

    /// The earliest entry, or nil when the queue is empty.
    var first: (due: Timestamp, locator: String)? { heap.first.map { ($0.due, $0.key.locator) } }

    /// Adds an entry.
    mutating func insert(_ due: Timestamp, _ locator: String) {
        log?.append(.appended)
        heap.append(Entry(due: due, key: Key(locator)))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            swap(child, parent)
            child = parent
        }
    }

    /// Removes the earliest entry and answers its locator (nil when the queue is empty).
    @discardableResult
    mutating func removeFirst() -> String? {
        guard let last = heap.last else { return nil }
        let taken = heap[0].key.locator
        log?.append(.removedLast(last))
        heap.removeLast()
        guard !heap.isEmpty else { return taken }
        write(0, last)
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var first = parent
            if left < heap.count, heap[left].precedes(heap[first]) { first = left }
            if right < heap.count, heap[right].precedes(heap[first]) { first = right }
            guard first != parent else { return taken }
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
