import SuretySchemas

/// The instants at which jobs move by themselves, earliest first: a persistent treap whose copies share every node, so
/// keeping it whole for an undo (``JobLedger/ChangeMark``) costs one reference, and adding a job or taking the
/// earliest costs O(log n).
///
/// An entry may be stale (its job since moved, or was removed); ``JobLedger`` checks each against its job as it takes it.
struct DueQueue: Sendable {
    /// One entry; immutable, so it is shared freely between copies.
    final class Node: Sendable {
        let due: Timestamp
        let locator: String
        /// The heap priority: the locator's hash, so the tree's shape is the same in every run.
        let priority: UInt64
        let left: Node?
        let right: Node?

        init(due: Timestamp, locator: String, priority: UInt64, left: Node?, right: Node?) {
            self.due = due
            self.locator = locator
            self.priority = priority
            self.left = left
            self.right = right
        }

        /// The same entry with other children.
        func with(left: Node?, right: Node?) -> Node { Node(due: due, locator: locator, priority: priority, left: left, right: right) }

        /// Whether this entry sorts before the instant and locator given.
        func precedes(_ due: Timestamp, _ locator: String) -> Bool { (self.due, self.locator) < (due, locator) }
    }

    private var root: Node?

    /// Creates an empty queue.
    init() {}

    /// The earliest entry, or nil when the queue is empty.
    var first: (due: Timestamp, locator: String)? {
        var node = root
        while let left = node?.left { node = left }
        return node.map { ($0.due, $0.locator) }
    }

    /// Adds an entry.
    mutating func insert(_ due: Timestamp, _ locator: String) {
        let (below, above) = Self.split(root, due, locator)
        let node = Node(due: due, locator: locator, priority: LocatorHash.of(locator), left: nil, right: nil)
        root = Self.merge(Self.merge(below, node), above)
    }

    /// Removes the earliest entry.
    mutating func removeFirst() { root = Self.removingFirst(root) }

    private static func removingFirst(_ node: Node?) -> Node? {
        guard let node else { return nil }
        guard let left = node.left else { return node.right }
        return node.with(left: removingFirst(left), right: node.right)
    }

    /// The entries before `(due, locator)` and the others.
    private static func split(_ node: Node?, _ due: Timestamp, _ locator: String) -> (Node?, Node?) {
        guard let node else { return (nil, nil) }
        if node.precedes(due, locator) {
            let (below, above) = split(node.right, due, locator)
            return (node.with(left: node.left, right: below), above)
        }
        let (below, above) = split(node.left, due, locator)
        return (below, node.with(left: above, right: node.right))
    }

    /// Joins two treaps, every entry of `lower` before every entry of `upper`.
    private static func merge(_ lower: Node?, _ upper: Node?) -> Node? {
        guard let lower else { return upper }
        guard let upper else { return lower }
        if lower.priority >= upper.priority { return lower.with(left: lower.left, right: merge(lower.right, upper)) }
        return upper.with(left: merge(lower, upper.left), right: upper.right)
    }
}
