import Foundation
@testable import SuretyCommands
import Testing

@Suite("The serve log writes whole lines in batches")
struct LineWriterTests {
    @Test("lines from many threads arrive whole, each thread's in order, once flushed")
    func manyThreads() async {
        let console = CapturingConsole()
        let writer = LineWriter(console: console)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                DispatchQueue.concurrentPerform(iterations: 4) { thread in
                    for index in 0..<500 { writer.error("thread \(thread) line \(index) " + String(repeating: "x", count: index % 200)) }
                }
                done.resume()
            }.start()
        }
        writer.flush()
        let lines = console.errors.split(separator: "\n")
        #expect(lines.count == 2_000)
        for thread in 0..<4 {
            let own = lines.filter { $0.hasPrefix("thread \(thread) ") }
            #expect(own.map { Int($0.split(separator: " ")[3])! } == Array(0..<500))
            #expect(own.enumerated().allSatisfy { index, line in
                line == "thread \(thread) line \(index) " + String(repeating: "x", count: index % 200)
            })
        }
    }

    @Test("a lone line is written within the flush interval without an explicit flush")
    func timely() async throws {
        let console = CapturingConsole()
        let writer = LineWriter(console: console)
        writer.error("GET / - 404 0.10ms violations=0")
        let deadline = ContinuousClock.now + .seconds(10)
        while console.errors.isEmpty && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(console.errors == "GET / - 404 0.10ms violations=0\n")
    }
}

/// A console whose standard error blocks until it is opened, like a full pipe nobody reads.
private final class BlockedConsole: Console, @unchecked Sendable {
    // Safe: `written` is only touched under `lock`; the semaphore is thread-safe.
    private let lock = NSLock()
    private let open = DispatchSemaphore(value: 0)
    private var written = ""
    private var entered = false

    var errors: String { lock.withLock { written } }
    var isBlocked: Bool { lock.withLock { entered } }
    func unblock() { open.signal() }
    func out(_ text: String) {}
    func err(_ text: String) {
        let first = lock.withLock { () -> Bool in
            defer { entered = true }
            return !entered
        }
        if first { open.wait() }
        lock.withLock { written += text }
    }
    var colorsOutput: Bool { false }
    func environment(_ name: String) -> String? { nil }
}

@Suite("The serve log never blocks the thread that logs")
struct LineWriterBlockedConsoleTests {
    @Test("while standard error is blocked, lines return at once; past the held limit they are dropped and counted")
    func blockedConsole() async throws {
        let console = BlockedConsole()
        let writer = LineWriter(console: console, heldLimit: 1_000)
        writer.error("first")
        let deadline = ContinuousClock.now + .seconds(20)
        while !console.isBlocked && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        #expect(console.isBlocked, "the first batch reached the console and blocked there")
        // The writer is stuck in the console; these calls must still return (a blocking writer would hang the test).
        for index in 0..<200 { writer.error("line \(index) " + String(repeating: "x", count: 40)) }
        console.unblock()
        writer.flush()
        let lines = console.errors.split(separator: "\n").map(String.init)
        #expect(lines.first == "first")
        let kept = lines.filter { $0.hasPrefix("line ") }
        #expect(kept.count > 0 && kept.count < 200)
        #expect(kept == (0..<kept.count).map { "line \($0) " + String(repeating: "x", count: 40) })
        #expect(lines.last == "surety serve: \(200 - kept.count) log line(s) dropped: standard error was not being read")
    }
}
