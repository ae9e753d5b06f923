import Foundation

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

    /// Calls `body` with each line's number (1-based) and bytes, without the line break; memory stays flat in the file size.
    func forEachLine(_ body: (Int, [UInt8]) -> Void) {
        var pending: [UInt8] = []
        var lineNumber = 0
        while let data = try? handle.read(upToCount: Self.chunkBytes), !data.isEmpty {
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                var start = 0
                let bytes = raw.bindMemory(to: UInt8.self)
                for index in 0..<bytes.count where bytes[index] == 0x0A {
                    lineNumber += 1
                    if pending.isEmpty {
                        body(lineNumber, Array(bytes[start..<index]))
                    } else {
                        pending.append(contentsOf: bytes[start..<index])
                        body(lineNumber, pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                    start = index + 1
                }
                pending.append(contentsOf: bytes[start...])
            }
        }
        if !pending.isEmpty { body(lineNumber + 1, pending) }
    }
}
