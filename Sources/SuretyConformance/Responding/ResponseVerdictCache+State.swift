extension ResponseVerdictCache {
    /// What the cache keeps, guarded as one value by its lock.
    struct State {
        /// The identity of the checker whose verdicts are kept; the first to ask.
        var owner: ExchangeChecker.Identity?
        /// Verdicts by content.
        var verdicts: [Key: [Violation]] = [:]
        /// Verdicts by the body's buffer.
        var byBuffer: [BufferKey: Pinned] = [:]
        /// Body bytes held by both maps.
        var keptBytes = 0

        /// Files a verdict under its body's buffer too; bounded like the verdicts, its pinned bytes counted.
        mutating func pin(_ violations: [Violation], key: BufferKey, body: [UInt8], maxEntries: Int, maxKeptBytes: Int) {
            if byBuffer.count >= maxEntries || keptBytes + body.count > maxKeptBytes {
                byBuffer.removeAll(keepingCapacity: true)
                keptBytes = verdicts.keys.reduce(0) { $0 + $1.body.count }
            }
            if byBuffer.updateValue(Pinned(violations: violations, body: body), forKey: key) == nil { keptBytes += body.count }
        }

        /// Forgets every verdict, keeping the maps' capacity (a bound was reached).
        mutating func removeAll() {
            verdicts.removeAll(keepingCapacity: true)
            byBuffer.removeAll(keepingCapacity: true)
            keptBytes = 0
        }
    }
}
