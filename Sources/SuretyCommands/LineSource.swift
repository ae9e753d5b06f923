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

    init?(path: String) {
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: path) else { return nil }
            handle = opened
        }
    }

    func readAll() -> [UInt8]? {
        guard let data = try? handle.readToEnd() ?? Data() else { return nil }
        return [UInt8](data)
    }

    /// Calls `body` with each line's number (1-based) and bytes, without the line break. Lines are handed out as
    /// slices of the read buffer (copied only when a line spans two reads), so memory stays flat in the file size.
    /// `afterChunk` runs after the lines of each read, so output can follow input a block at a time.
    func forEachLine(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void, afterChunk: () -> Void = {}) {
        var pending: [UInt8] = []
        var lineNumber = 0
        while let data = try? handle.read(upToCount: Self.chunkBytes), !data.isEmpty {
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let bytes = raw.bindMemory(to: UInt8.self)
                guard let base = bytes.baseAddress else { return }
                var start = 0
                while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    lineNumber += 1
                    if pending.isEmpty {
                        body(lineNumber, UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    } else {
                        pending.append(contentsOf: bytes[start..<end])
                        pending.withUnsafeBufferPointer { body(lineNumber, $0) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    start = end + 1
                }
                if start < bytes.count { pending.append(contentsOf: bytes[start...]) }
            }
            afterChunk()
        }
        if !pending.isEmpty { pending.withUnsafeBufferPointer { body(lineNumber + 1, $0) } }
    }
}
