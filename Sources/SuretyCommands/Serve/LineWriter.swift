import Foundation

/// Writes whole lines to the console's standard error from many threads, never interleaved, in batches.
///
/// A line waits at most ``flushInterval`` (or until ``maxPendingBytes`` are pending), so a busy server makes one write
/// per batch instead of one system call per request, which had cost the request log 40% of the mock's throughput.
/// ``flush()`` writes what is pending at once; `surety serve` calls it before it exits.
///
/// `@unchecked Sendable` is safe: `pending` and `flushScheduled` are only touched while `lock` is held, and the
/// console is written only while it is held too, so batches leave in the order their lines came.
final class LineWriter: @unchecked Sendable {
    /// The longest a line waits before it is written.
    static let flushInterval = DispatchTimeInterval.milliseconds(20)
    /// Pending bytes that are written at once, without waiting for the interval.
    static let maxPendingBytes = 64 * 1024

    private let console: Console
    private let lock = Lock()
    private let timer = DispatchQueue(label: "surety.serve.log")
    private var pending = ""
    private var flushScheduled = false

    init(console: Console) {
        self.console = console
    }

    /// Queues one line (without its newline).
    func error(_ line: String) {
        lock.withLock {
            pending += line
            pending += "\n"
            if pending.utf8.count >= Self.maxPendingBytes {
                writePending()
            } else if !flushScheduled {
                flushScheduled = true
                timer.asyncAfter(deadline: .now() + Self.flushInterval) { [self] in flush() }
            }
        }
    }

    /// Writes every pending line now.
    func flush() {
        lock.withLock {
            flushScheduled = false
            writePending()
        }
    }

    /// Must be called with `lock` held.
    private func writePending() {
        guard !pending.isEmpty else { return }
        console.err(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
