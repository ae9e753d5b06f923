import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input whole, or line by line in bounded memory (for NDJSON).
struct LineSource {
    let handle: FileHandle
    /// Bytes read per system call when streaming.
    static let chunkBytes = 1 << 20
    /// The longest document (a whole input, or one NDJSON line) read: the JSON parser's own limit (64 MiB).
    static let maxDocumentBytes = 64 << 20
    /// The most bytes of one over-long NDJSON line skipped before the input is taken for something that is not NDJSON
    /// (`/dev/zero`, a binary file) and reading stops.
    static let maxSkippedLineBytes = 1 << 30

    /// How reading ended.
    enum Ending: Error, Equatable {
        /// Every line was read.
        case endOfInput
        /// A line ran past ``maxSkippedLineBytes`` without a line break: reading stopped there.
        case unterminated(line: Int, bytes: Int)
        /// A whole input was longer than its limit.
        case tooLarge(limit: Int)
        /// The read failed.
        case unreadable
    }

    init?(path: String) {
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: path) else { return nil }
            handle = opened
        }
    }

    /// The next read: empty at the end of the input, nil when the read failed.
    private func nextChunk() -> Data? {
        do { return try handle.read(upToCount: Self.chunkBytes) ?? Data() } catch { return nil }
    }

    /// The whole input, or why not: it is read a chunk at a time and given up past `limit` bytes.
    func readAll(limit: Int = maxDocumentBytes) -> Result<[UInt8], Ending> {
        var bytes: [UInt8] = []
        while true {
            guard let data = nextChunk() else { return .failure(.unreadable) }
            if data.isEmpty { return .success(bytes) }
            guard bytes.count + data.count <= limit else { return .failure(.tooLarge(limit: limit)) }
            bytes.append(contentsOf: data)
        }
    }

    /// Calls `body` with each line's number (1-based) and bytes, without the line break. Lines are handed out as
    /// slices of the read buffer (copied only when a line spans two reads), so memory stays flat in the file size.
    /// A line longer than `maxLineBytes` is not kept: `oversized` gets its number as soon as it is known to be too
    /// long, and the rest of it is skipped. `afterChunk` runs after the lines of each read.
    @discardableResult
    func forEachLine(maxLineBytes: Int = maxDocumentBytes, maxSkippedBytes: Int = maxSkippedLineBytes,
                     _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void, oversized: (Int) -> Void = { _ in },
                     afterChunk: () -> Void = {}) -> Ending {
        var pending: [UInt8] = []
        var lineNumber = 0
        var skipped: Int?  // bytes of the current over-long line, while it is being skipped
        while true {
            guard let data = nextChunk() else { return .unreadable }
            if data.isEmpty { break }
            let stop: Ending? = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Ending? in
                let bytes = raw.bindMemory(to: UInt8.self)
                guard let base = bytes.baseAddress else { return nil }
                var start = 0
                while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    lineNumber += 1
                    if skipped != nil {
                        skipped = nil
                    } else if pending.count + end - start > maxLineBytes {
                        oversized(lineNumber)
                        pending = []
                    } else if pending.isEmpty {
                        body(lineNumber, UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    } else {
                        pending.append(contentsOf: bytes[start..<end])
                        pending.withUnsafeBufferPointer { body(lineNumber, $0) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    start = end + 1
                }
                let rest = bytes.count - start
                guard rest > 0 else { return nil }
                if let count = skipped {
                    skipped = count + rest
                } else if pending.count + rest > maxLineBytes {
                    oversized(lineNumber + 1)
                    skipped = pending.count + rest
                    pending = []
                } else {
                    pending.append(contentsOf: bytes[start...])
                }
                guard let count = skipped, count > maxSkippedBytes else { return nil }
                return .unterminated(line: lineNumber + 1, bytes: count)
            }
            afterChunk()
            if let stop { return stop }
        }
        if !pending.isEmpty { pending.withUnsafeBufferPointer { body(lineNumber + 1, $0) } }
        return .endOfInput
    }
}
