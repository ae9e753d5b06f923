/// A parsed JSON text: the input bytes and the flat tape of nodes the parser built over them.
///
/// Readers either walk the tape directly (the validator does, allocating nothing) or ask for a `JSONValue` tree.
/// Node 0 is the root. Every node keeps its byte offset, so any value's line and column are known.
public struct JSONDocument: Sendable {
    /// A key that occurs more than once in one object.
    public struct DuplicateKey: Sendable, Equatable {
        /// The repeated key.
        public var key: String
        /// Tape index of the object.
        public var objectNode: Int
        /// Tape index of the repeated (later) key.
        public var keyNode: Int
    }

    /// The input, unchanged.
    public let bytes: [UInt8]
    /// The tape: every token in document order.
    public let nodes: [JSONNode]
    /// Keys repeated within one object, when the parser was asked to report them.
    public let duplicateKeys: [DuplicateKey]

    /// Tape index of the root value.
    public var root: Int { 0 }

    /// The kind of the node at `index`.
    public func kind(_ index: Int) -> JSONNode.Kind { nodes[index].kind }

    /// Decodes the string node at `index` (a string value or an object key).
    public func string(_ index: Int) -> String {
        bytes.withUnsafeBufferPointer { JSONStrings.decode(nodes[index], in: $0) }
    }

    /// The literal text of the number node at `index`.
    public func numberLiteral(_ index: Int) -> String {
        let node = nodes[index]
        return String(decoding: bytes[Int(node.start)..<Int(node.end)], as: UTF8.self)
    }

    /// The members of the object node at `index`: each key, the key's tape index and the value's tape index.
    public func members(_ index: Int) -> [(key: String, keyIndex: Int, valueIndex: Int)] {
        let node = nodes[index]
        precondition(node.kind == .object, "members(_:) needs an object node")
        var result: [(key: String, keyIndex: Int, valueIndex: Int)] = []
        result.reserveCapacity(Int(node.count))
        var cursor = index + 1
        for _ in 0..<node.count {
            result.append((string(cursor), cursor, cursor + 1))
            cursor = Int(nodes[cursor + 1].next)
        }
        return result
    }

    /// The tape indices of the elements of the array node at `index`.
    public func elements(_ index: Int) -> [Int] {
        let node = nodes[index]
        precondition(node.kind == .array, "elements(_:) needs an array node")
        var result: [Int] = []
        result.reserveCapacity(Int(node.count))
        var cursor = index + 1
        for _ in 0..<node.count {
            result.append(cursor)
            cursor = Int(nodes[cursor].next)
        }
        return result
    }

    /// The line and column where the node at `index` starts (for a string, its opening quote).
    public func position(of index: Int) -> TextPosition {
        TextPosition(offset: offset(of: index), in: bytes)
    }

    /// The line and column of a node, using a prepared index of the document's lines (for many look-ups).
    public func position(of index: Int, lines: LineIndex) -> TextPosition {
        lines.position(of: offset(of: index))
    }

    /// The byte offset where the node at `index` starts (for a string, its opening quote).
    public func offset(of index: Int) -> Int {
        let node = nodes[index]
        return Int(node.start) - (node.kind == .string ? 1 : 0)
    }

    /// The value at `index` as a tree.
    public func value(at index: Int = 0) -> JSONValue {
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = index
            return materialize(&cursor, buffer)
        }
    }

    private func materialize(_ cursor: inout Int, _ buffer: UnsafeBufferPointer<UInt8>) -> JSONValue {
        let node = nodes[cursor]
        cursor += 1
        switch node.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number:
            let literal = String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(node.start)..<Int(node.end)]), as: UTF8.self)
            return .number(JSONNumber(literal: literal))
        case .string: return .string(JSONStrings.decode(node, in: buffer))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(node.count))
            for _ in 0..<node.count { elements.append(materialize(&cursor, buffer)) }
            return .array(elements)
        case .object:
            var members: [JSONMember] = []
            members.reserveCapacity(Int(node.count))
            for _ in 0..<node.count {
                let key = JSONStrings.decode(nodes[cursor], in: buffer)
                cursor += 1
                members.append(JSONMember(key: key, value: materialize(&cursor, buffer)))
            }
            return .object(members)
        }
    }

    /// Finds the tape index of the value a pointer designates, if it exists.
    public func index(of pointer: JSONPointer) -> Int? {
        var current = root
        for token in pointer.tokens {
            switch nodes[current].kind {
            case .object:
                guard let member = members(current).last(where: { $0.key == token }) else { return nil }
                current = member.valueIndex
            case .array:
                guard let position = JSONPointer.arrayIndex(token), position < Int(nodes[current].count) else { return nil }
                current = elements(current)[position]
            default:
                return nil
            }
        }
        return current
    }
}
