/// Reads the fields of a parsed JSON file (contracts, scenarios, fault plans, stubs) with their positions, collecting a diagnostic with
/// file, line, column and pointer for each shape problem instead of stopping at the first.
public struct LocatedReader: Sendable {
    /// The parsed file.
    public let document: JSONDocument
    /// The name diagnostics use.
    public let file: String
    let lines: LineIndex
    /// Every problem found so far, in reading order.
    public var diagnostics: [Diagnostic] = []

    /// Starts reading a parsed file.
    public init(document: JSONDocument, file: String) {
        self.document = document
        self.file = file
        self.lines = LineIndex(document.bytes)
    }

    /// The line and column of a node.
    public func position(_ node: Int) -> TextPosition {
        document.position(of: node, lines: lines)
    }

    /// The file, line and column of a node.
    public func location(_ node: Int) -> SourceLocation {
        SourceLocation(file: file, position: position(node))
    }

    /// Records an error at a node.
    public mutating func error(_ message: String, at node: Int, _ pointer: JSONPointer) {
        diagnostics.append(Diagnostic(.error, file: file, position: position(node), message: message, pointer: pointer))
    }

    /// Records a warning at a node.
    public mutating func warning(_ message: String, at node: Int, _ pointer: JSONPointer) {
        diagnostics.append(Diagnostic(.warning, file: file, position: position(node), message: message, pointer: pointer))
    }

    /// The node's JSON kind in words ("a string", "an object").
    public func kindName(_ node: Int) -> String {
        switch document.kind(node) {
        case .null: return "null"
        case .true, .false: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The members of an object node keyed by name (first wins), or nil with a diagnostic when it is not an object.
    public mutating func object(_ node: Int, _ pointer: JSONPointer, allowed: Set<String>? = nil) -> [(key: String, keyIndex: Int, valueIndex: Int)]? {
        guard document.kind(node) == .object else {
            error("expected an object, found \(kindName(node))", at: node, pointer)
            return nil
        }
        let members = document.members(node)
        if let allowed {
            for member in members where !allowed.contains(member.key) {
                let nearest = EditDistance.nearest(to: member.key, among: allowed, maxDistance: max(2, member.key.count / 3))
                let suggestion = EditDistance.didYouMean(nearest.map { ["\"\($0)\""] } ?? [])
                error("unknown key \"\(member.key)\"\(suggestion)", at: member.keyIndex, pointer.appending(member.key))
            }
        }
        return members
    }

    /// The value index of a member, or nil (with a diagnostic when `required`).
    public mutating func member(_ members: [(key: String, keyIndex: Int, valueIndex: Int)], _ key: String, of node: Int,
                         _ pointer: JSONPointer, required: Bool) -> Int? {
        if let found = members.first(where: { $0.key == key }) { return found.valueIndex }
        if required { error("missing required key \"\(key)\"", at: node, pointer) }
        return nil
    }

    /// The text of a string node, or nil with a diagnostic.
    public mutating func string(_ node: Int, _ pointer: JSONPointer) -> String? {
        guard document.kind(node) == .string else {
            error("expected a string, found \(kindName(node))", at: node, pointer)
            return nil
        }
        return document.string(node)
    }

    /// The value of a boolean node, or nil with a diagnostic.
    public mutating func bool(_ node: Int, _ pointer: JSONPointer) -> Bool? {
        switch document.kind(node) {
        case .true: return true
        case .false: return false
        default:
            error("expected true or false, found \(kindName(node))", at: node, pointer)
            return nil
        }
    }

    /// The elements of an array node, or nil with a diagnostic.
    public mutating func array(_ node: Int, _ pointer: JSONPointer) -> [Int]? {
        guard document.kind(node) == .array else {
            error("expected an array, found \(kindName(node))", at: node, pointer)
            return nil
        }
        return document.elements(node)
    }

    /// The strings of an array of strings (non-strings reported and skipped).
    public mutating func strings(_ node: Int, _ pointer: JSONPointer) -> [String] {
        guard let elements = array(node, pointer) else { return [] }
        return elements.enumerated().compactMap { string($0.element, pointer.appending($0.offset)) }
    }

    /// Reads an optional string-array member such as `notes`.
    public mutating func optionalStrings(_ members: [(key: String, keyIndex: Int, valueIndex: Int)], _ key: String, _ pointer: JSONPointer) -> [String] {
        guard let node = members.first(where: { $0.key == key })?.valueIndex else { return [] }
        return strings(node, pointer.appending(key))
    }

    /// Reads an optional string member such as `description`.
    public mutating func optionalString(_ members: [(key: String, keyIndex: Int, valueIndex: Int)], _ key: String, _ pointer: JSONPointer) -> String? {
        guard let node = members.first(where: { $0.key == key })?.valueIndex else { return nil }
        return string(node, pointer.appending(key))
    }
}
