/// The newest entries up to a bound, for the logs a server keeps while it runs (the violation log, the request
/// journal): an append never shifts the kept entries, because the oldest are dropped in one move once twice the bound
/// is held, so a full log costs a request no more than an empty one.
package struct BoundedEntries<Entry> {
    /// The most entries kept.
    package let bound: Int
    private var storage: [Entry] = []

    /// An empty log keeping at most `bound` entries.
    package init(bound: Int) {
        self.bound = max(0, bound)
    }

    /// Adds the newest entry.
    package mutating func append(_ entry: Entry) {
        storage.append(entry)
        if storage.count >= 2 * bound { storage.removeFirst(storage.count - bound) }
    }

    /// The kept entries, oldest first: the last ``bound`` appended.
    package var kept: ArraySlice<Entry> { storage.suffix(bound) }
}
