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
        text += "\n"
        if text.utf8.count > Self.maxBufferedBytes { flush() }
    }

    /// Writes what is held.
    mutating func flush() {
        guard !text.isEmpty else { return }
        console.out(text)
        text.removeAll(keepingCapacity: true)
    }
}
