import Dispatch

/// Runs work that may wait on I/O (an `fsync`) on threads of its own, so it holds neither an event-loop thread nor
/// one of Swift concurrency's few cooperative threads while it waits.
package enum BlockingWork {
    /// The queue blocking work runs on.
    private static let queue = DispatchQueue(label: "surety.blocking-work", attributes: .concurrent)

    /// The result of `work`, run on the blocking-work queue.
    package static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
