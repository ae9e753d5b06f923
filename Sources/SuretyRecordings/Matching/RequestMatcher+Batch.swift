import Foundation
import SuretyHTTPCore

extension RequestMatcher {
    /// How many recordings one worker keys at a time in ``keys(for:)``.
    static let keysPerBatch = 512

    /// The key of every recording, in order, computed on every core: each key depends on its own request only, and
    /// routing and canonicalising 100,000 recordings on one thread dominated `--replay`'s start-up and `diff`.
    func keys(for recordings: [StoredExchange]) -> [Key] {
        let batches = (recordings.count + Self.keysPerBatch - 1) / Self.keysPerBatch
        let results = Locked([[Key]](repeating: [], count: batches))
        DispatchQueue.concurrentPerform(iterations: batches) { batch in
            let range = batch * Self.keysPerBatch..<min(recordings.count, (batch + 1) * Self.keysPerBatch)
            let keys = recordings[range].map { key(for: $0.exchange.request) }
            results.withLock { $0[batch] = keys }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
