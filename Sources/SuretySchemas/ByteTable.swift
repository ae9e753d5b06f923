/// Strings as bytes end to end, compared in place with a key's bytes (property names, enum values).
struct ByteTable: Sendable {
    private(set) var pool: [UInt8] = []
    /// Where each string starts; one more entry than strings: the end.
    private(set) var starts: [Int] = [0]

    init(_ strings: [String] = []) {
        for string in strings { append(string) }
    }

    /// The number of strings.
    var count: Int { starts.count - 1 }

    /// Adds a string at the end.
    mutating func append(_ string: String) {
        pool.append(contentsOf: string.utf8)
        starts.append(pool.count)
    }

    /// Whether string `index` is exactly these bytes.
    @inline(__always)
    func equals(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[index]
        guard starts[index + 1] - start == key.count else { return false }
        guard let keyBase = key.baseAddress else { return true }
        return pool.withUnsafeBufferPointer { pool in
            let poolBase = UnsafeRawPointer(pool.baseAddress! + start)
            let keyRaw = UnsafeRawPointer(keyBase)
            // Eight bytes at a time, then the rest one by one.
            var offset = 0
            while offset + 8 <= key.count {
                if poolBase.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != keyRaw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                    return false
                }
                offset += 8
            }
            while offset < key.count {
                if pool[start + offset] != key[offset] { return false }
                offset += 1
            }
            return true
        }
    }
}
