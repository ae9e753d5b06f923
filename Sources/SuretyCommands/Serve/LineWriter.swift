import Foundation
import SuretyHTTPCore

/// Writes whole lines to the console's standard error from many threads, never interleaved, in batches, and never on
/// the caller's thread.
///
/// A line waits at most ``flushInterval`` (or until ``maxPendingBytes`` are pending), so a busy server makes one write
/// per batch instead of one system call per request, which had cost the request log 40% of the mock's throughput.
/// Batches are written by one serial queue, so a standard error nobody reads (a full pipe) blocks that queue, not the
/// event loop that logs: past ``maxHeldBytes`` waiting, new lines are dropped and counted, and the count is written
/// as a line of its own once the console takes writes again. ``flush()`` writes what is pending and waits for it;
/// `surety serve` calls it before it exits.
///
/// The pending lines are shared under a lock; the console is written only on the serial `writer` queue, so batches
/// leave in the order their lines came.
final class LineWriter: Sendable {
    /// The longest a line waits before it is written.
    static let flushInterval = DispatchTimeInterval.milliseconds(20)
    /// Pending bytes that are written at once, without waiting for the interval.
    static let maxPendingBytes = 64 * 1024
    /// Pending bytes past which new lines are dropped rather than held (standard error is not being read).
    static let maxHeldBytes = 4 * 1024 * 1024

    private let console: Console
    private let heldLimit: Int
    private let state = Locked(Pending())
    private let writer = DispatchQueue(label: "surety.serve.log")

    /// The lines not yet written, how many were dropped, and whether a batch is due.
    private struct Pending {
        var text = ""
        var dropped = 0
        var flushScheduled = false
    }

    /// Creates a writer to `console`'s standard error holding at most `heldLimit` bytes while it is blocked.
    init(console: Console, heldLimit: Int = LineWriter.maxHeldBytes) {
        self.console = console
        self.heldLimit = heldLimit
    }

    /// Queues one line (without its newline); returns at once, whether or not the console is taking writes.
    func error(_ line: String) {
        state.withLock { pending in
            guard pending.text.utf8.count + line.utf8.count < heldLimit else {
                pending.dropped += 1
                return
            }
            pending.text += line
            pending.text += "\n"
            guard !pending.flushScheduled else { return }
            pending.flushScheduled = true
            if pending.text.utf8.count >= Self.maxPendingBytes {
                writer.async { [self] in writeBatch() }
            } else {
                writer.asyncAfter(deadline: .now() + Self.flushInterval) { [self] in writeBatch() }
            }
        }
    }

    /// Writes every pending line now and returns once they are written.
    func flush() {
        writer.sync { writeBatch() }
    }

    /// Takes the pending lines and the drop count under the lock and writes them outside it. On `writer` only.
    private func writeBatch() {
        let (batch, lost) = state.withLock { pending -> (String, Int) in
            defer { pending = Pending() }
            return (pending.text, pending.dropped)
        }
        if !batch.isEmpty { console.err(batch) }
        if lost > 0 { console.err("surety serve: \(lost) log line(s) dropped: standard error was not being read\n") }
    }
}
