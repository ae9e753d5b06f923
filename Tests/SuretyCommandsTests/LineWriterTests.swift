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
