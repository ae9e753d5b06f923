import Testing
@testable import SuretyCommands

/// Standard output goes out in blocks of at most `OutputBuffer.maxBufferedBytes`, and all of it on flush.
@Suite struct OutputBufferTests {
    @Test func holdsOutputUpToTheBound() {
        let console = CapturingConsole()
        var buffer = OutputBuffer(console: console)
        buffer.line(String(repeating: "x", count: OutputBuffer.maxBufferedBytes - 1))
        #expect(console.output.isEmpty)
        #expect(buffer.text.utf8.count == OutputBuffer.maxBufferedBytes)
    }

    @Test func writesTheBlockOneByteOverTheBound() {
        let console = CapturingConsole()
        var buffer = OutputBuffer(console: console)
        buffer.line(String(repeating: "x", count: OutputBuffer.maxBufferedBytes))
        #expect(console.output.utf8.count == OutputBuffer.maxBufferedBytes + 1)
        #expect(buffer.text.utf8.count == 0)
    }

    @Test func flushWritesEverythingHeldInOrder() {
        let console = CapturingConsole()
        var buffer = OutputBuffer(console: console)
        buffer.line("a")
        buffer.line("b")
        buffer.flush()
        #expect(console.output == "a\nb\n")
    }
}
