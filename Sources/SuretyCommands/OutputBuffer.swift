/// Collects a command's standard output and writes it in blocks, so a stream of results costs one write per block
/// rather than one per line.
struct OutputBuffer {
    /// The most bytes held before they are written; more than this and the block goes out.
    static let maxBufferedBytes = 1 << 16

    let console: Console
    private(set) var text = ""

    init(console: Console) {
        self.console = console
    }

    /// Adds a line; writes the block when it holds more than ``maxBufferedBytes``.
    mutating func line(_ line: String) {
        text += line
        endLine()
    }

    /// Adds a piece of the current line.
    mutating func append(_ piece: String) {
        text += piece
    }

    /// Ends the current line; writes the block when it holds more than ``maxBufferedBytes``.
    mutating func endLine() {
        text += "\n"
        if text.utf8.count > Self.maxBufferedBytes { flush() }
    }

    /// Lets `body` append to the current line in place.
    mutating func withText(_ body: (inout String) -> Void) {
        body(&text)
    }

    /// Writes what is held.
    mutating func flush() {
        guard !text.isEmpty else { return }
        console.out(text)
        text.removeAll(keepingCapacity: true)
    }
}
