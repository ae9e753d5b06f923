/// Parses bytes into a `JSONDocument`, strictly by RFC 8259, with named limits and errors that carry line and column.
///
/// The parser is iterative (no recursion), reads bytes once, and writes a flat tape of `JSONNode`s; strings and numbers
/// stay as byte ranges of the input, so numbers keep their literal text and nothing is allocated per value.
public struct JSONParser: Sendable {
    /// What the parser does when an object has the same key twice.
    public enum DuplicateKeyPolicy: Sendable {
        /// Accept without looking.
        case allow
        /// Accept and list the duplicates in `JSONDocument.duplicateKeys`.
        case report
        /// Reject the document.
        case reject
    }

    /// Named bounds and policies for parsing.
    public struct Options: Sendable {
        /// Deepest nesting of arrays and objects accepted; the root container is depth 1.
        public var maxDepth: Int
        /// Largest document accepted, in bytes.
        public var maxDocumentBytes: Int
        /// What to do with repeated object keys (RFC 8259 §4: names SHOULD be unique).
        public var duplicateKeys: DuplicateKeyPolicy

        /// The defaults: depth 512, 64 MiB, duplicate keys reported.
        public static let `default` = Options()

        /// Creates options; every parameter has the documented default.
        public init(maxDepth: Int = 512, maxDocumentBytes: Int = 64 << 20, duplicateKeys: DuplicateKeyPolicy = .report) {
            self.maxDepth = maxDepth
            self.maxDocumentBytes = maxDocumentBytes
            self.duplicateKeys = duplicateKeys
        }
    }

    /// The options in force.
    public var options: Options

    /// Creates a parser with the given options.
    public init(options: Options = .default) {
        self.options = options
    }

    /// Parses a complete JSON text.
    public func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONDocument {
        var scratch = JSONTapeScratch()
        try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            try parse(buffer, into: &scratch)
        }
        return JSONDocument(bytes: bytes, nodes: scratch.nodes, duplicateKeys: scratch.duplicateKeys)
    }

    /// Parses bytes in place into reusable storage: the fast path for streams of documents (no copy, no allocation
    /// once the storage has grown). The nodes refer to `bytes`, which must outlive their use.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>, into scratch: inout JSONTapeScratch) throws(JSONSyntaxError) {
        var builder = TapeBuilder(bytes: bytes, options: options, scratch: &scratch)
        defer { builder.giveBack(to: &scratch) }
        try builder.run()
    }

    /// Parses a complete JSON text given as a string.
    public func parse(_ text: String) throws(JSONSyntaxError) -> JSONDocument {
        try parse(Array(text.utf8))
    }
}

/// The single pass that turns bytes into tape nodes.
struct TapeBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    let options: JSONParser.Options
    var index = 0
    var tape: [JSONNode] = []
    var duplicates: [JSONDocument.DuplicateKey] = []
    /// Tape indices of the containers still open, innermost last.
    var open: [Int] = []

    init(bytes: UnsafeBufferPointer<UInt8>, options: JSONParser.Options, scratch: inout JSONTapeScratch) {
        self.bytes = bytes
        self.options = options
        swap(&tape, &scratch.nodes)
        swap(&open, &scratch.open)
        tape.removeAll(keepingCapacity: true)
        open.removeAll(keepingCapacity: true)
        scratch.duplicateKeys.removeAll()
        if tape.capacity < bytes.count / 8 { tape.reserveCapacity(max(16, bytes.count / 6)) }
    }

    /// Hands the storage back so the next document reuses it.
    mutating func giveBack(to scratch: inout JSONTapeScratch) {
        swap(&tape, &scratch.nodes)
        swap(&open, &scratch.open)
        swap(&duplicates, &scratch.duplicateKeys)
    }

    func fail(_ reason: JSONSyntaxError.Reason, at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(reason, at: offset, in: bytes)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        // RFC 8259 §2: ws = *( %x20 / %x09 / %x0A / %x0D )
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func run() throws(JSONSyntaxError) {
        if bytes.count > options.maxDocumentBytes {
            throw fail(.documentTooLarge(limit: options.maxDocumentBytes), at: options.maxDocumentBytes)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw fail(.byteOrderMark, at: 0)
        }
        skipWhitespace()
        if index == bytes.count { throw fail(.emptyDocument, at: index) }
        try parseValues()
        skipWhitespace()
        if index != bytes.count { throw fail(.trailingContent, at: index) }
    }

    /// Parses one value and, when it opens containers, everything up to their matching close.
    mutating func parseValues() throws(JSONSyntaxError) {
        try parseValueStart()
        while let container = open.last {
            skipWhitespace()
            guard index < bytes.count else {
                throw fail(.unexpectedEnd(expected: tape[container].kind == .object ? "',' or '}'" : "',' or ']'"), at: index)
            }
            let isObject = tape[container].kind == .object
            let byte = bytes[index]
            if byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                index += 1
                try close(container)
                continue
            }
            guard byte == UInt8(ascii: ",") else {
                throw fail(.unexpectedByte(byte, expected: isObject ? "',' or '}'" : "',' or ']'"), at: index)
            }
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                throw fail(.trailingComma, at: index)
            }
            if isObject { try parseMemberKey() }
            tape[container].count += 1
            try parseValueStart()
        }
    }

    /// Parses `"key" :` and leaves the index at the member's value.
    mutating func parseMemberKey() throws(JSONSyntaxError) {
        skipWhitespace()
        guard index < bytes.count else { throw fail(.unexpectedEnd(expected: "a string key"), at: index) }
        guard bytes[index] == UInt8(ascii: "\"") else {
            throw fail(.unexpectedByte(bytes[index], expected: "a string key"), at: index)
        }
        try parseString()
        skipWhitespace()
        guard index < bytes.count else { throw fail(.unexpectedEnd(expected: "':'"), at: index) }
        guard bytes[index] == UInt8(ascii: ":") else { throw fail(.unexpectedByte(bytes[index], expected: "':'"), at: index) }
        index += 1
    }

    /// Parses a scalar completely, or opens containers (and an object's first key) down to the first scalar or empty container.
    mutating func parseValueStart() throws(JSONSyntaxError) {
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw fail(.unexpectedEnd(expected: "a value"), at: index) }
            let start = index
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = bytes[index] == UInt8(ascii: "{")
                if open.count >= options.maxDepth { throw fail(.depthLimitExceeded(limit: options.maxDepth), at: index) }
                index += 1
                let node = tape.count
                tape.append(JSONNode(kind: isObject ? .object : .array, flag: false, start: UInt32(start), end: 0, next: 0, count: 0))
                open.append(node)
                skipWhitespace()
                guard index < bytes.count else {
                    throw fail(.unexpectedEnd(expected: isObject ? "a key or '}'" : "a value or ']'"), at: index)
                }
                if bytes[index] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    try close(node)
                    return
                }
                if isObject { try parseMemberKey() }
                tape[node].count = 1
            case UInt8(ascii: "\""):
                return try parseString()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return try parseNumber()
            case UInt8(ascii: "t"):
                return try parseLiteral("true", kind: .true)
            case UInt8(ascii: "f"):
                return try parseLiteral("false", kind: .false)
            case UInt8(ascii: "n"):
                return try parseLiteral("null", kind: .null)
            case let byte:
                throw fail(.unexpectedByte(byte, expected: "a value"), at: index)
            }
        }
    }

    mutating func close(_ node: Int) throws(JSONSyntaxError) {
        open.removeLast()
        tape[node].end = UInt32(index)
        tape[node].next = UInt32(tape.count)
        if tape[node].kind == .object, options.duplicateKeys != .allow, tape[node].count > 1 {
            try checkDuplicateKeys(of: node)
        }
    }

    mutating func parseLiteral(_ word: StaticString, kind: JSONNode.Kind) throws(JSONSyntaxError) {
        let start = index
        let length = word.utf8CodeUnitCount
        let expected = word.withUTF8Buffer { $0 }
        for offset in 0..<length {
            guard index < bytes.count else { throw fail(.unexpectedEnd(expected: "'\(word)'"), at: index) }
            guard bytes[index] == expected[offset] else { throw fail(.unexpectedByte(bytes[index], expected: "'\(word)'"), at: index) }
            index += 1
        }
        tape.append(JSONNode(kind: kind, flag: false, start: UInt32(start), end: UInt32(index), next: UInt32(tape.count + 1), count: 0))
    }
}
