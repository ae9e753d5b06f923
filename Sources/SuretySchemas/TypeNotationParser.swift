/// A type string that does not follow the notation, with the column where reading stopped.
public struct TypeNotationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The type string as written.
    public var text: String
    /// 1-based column in `text` where the problem is.
    public var column: Int
    /// What the parser expected there.
    public var expected: String

    /// `invalid type "…" at column N: expected …`.
    public var description: String {
        "invalid type \"\(text)\" at column \(column): expected \(expected)"
    }
}

extension TypeAnnotation {
    /// Parses a type string in the documents' notation (see contracts/README.md), including a trailing `(deprecated)`.
    public init(parsing text: String) throws(TypeNotationError) {
        var body = Substring(text).trimmingSpaces()
        var deprecated = false
        if body.hasSuffix("(deprecated)") {
            deprecated = true
            body = body.dropLast("(deprecated)".count).trimmingSpaces()
        }
        var reader = TypeNotationReader(text: text, characters: Array(body), offset: text.distance(to: body))
        let type = try reader.readWhole()
        self.init(type: type, deprecated: deprecated)
    }
}

extension TypeRef {
    /// Parses a type string in the documents' notation; a trailing `(deprecated)` is rejected here (see `TypeAnnotation`).
    public init(parsing text: String) throws(TypeNotationError) {
        let annotation = try TypeAnnotation(parsing: text)
        if annotation.deprecated {
            throw TypeNotationError(text: text, column: text.count - "(deprecated)".count + 1, expected: "a type without (deprecated)")
        }
        self = annotation.type
    }
}

/// Recursive-descent reader over one type string.
struct TypeNotationReader {
    let text: String
    let characters: [Character]
    /// Column offset of `characters` within `text`.
    let offset: Int
    var index = 0

    init(text: String, characters: [Character], offset: Int) {
        self.text = text
        self.characters = characters
        self.offset = offset
    }

    func error(_ expected: String) -> TypeNotationError {
        TypeNotationError(text: text, column: offset + index + 1, expected: expected)
    }

    mutating func readWhole() throws(TypeNotationError) -> TypeRef {
        skipSpaces()
        if peekWord() == "Enum" { return try readEnum() }
        let type = try readType()
        skipSpaces()
        guard index == characters.count else { throw error("end of type") }
        return type
    }

    /// `Enum`, `Enum?`, `Enum[]`, `Enum[]?` followed by `a | b | c` to the end of the string.
    mutating func readEnum() throws(TypeNotationError) -> TypeRef {
        index += 4
        var isArray = false
        var isOptional = false
        if consume("[") {
            guard consume("]") else { throw error("']'") }
            isArray = true
        }
        if consume("?") { isOptional = true }
        guard index < characters.count, characters[index] == " " else { throw error("a space and the enum's values") }
        let rest = String(characters[index...])
        var values: [String] = []
        var column = index
        for part in rest.split(separator: "|", omittingEmptySubsequences: false) {
            let value = part.trimmingSpaces()
            if value.isEmpty || value.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "," }) {
                index = column + (part.firstIndex(where: { $0 != " " }).map { part.distance(from: part.startIndex, to: $0) } ?? 0)
                throw error("an enum value (one word)")
            }
            values.append(String(value))
            column += part.count + 1
        }
        index = characters.count
        var type = TypeRef.enumeration(values)
        if isArray { type = .array(type) }
        if isOptional { type = .optional(type) }
        return type
    }

    /// A base type followed by any `[]` and at most one final `?`.
    mutating func readType() throws(TypeNotationError) -> TypeRef {
        skipSpaces()
        var type = try readBase()
        while consume("[") {
            guard consume("]") else { throw error("']'") }
            type = .array(type)
        }
        if consume("?") { type = .optional(type) }
        return type
    }

    mutating func readBase() throws(TypeNotationError) -> TypeRef {
        let wordStart = index
        let word = readWord()
        switch word {
        case "": throw error("a type name")
        case "map":
            guard consume("<") else { throw error("'<' after map") }
            skipSpaces()
            let keyStart = index
            guard readWord() == "string" else {
                index = keyStart
                throw error("'string' as the map's key type")
            }
            skipSpaces()
            guard consume(",") else { throw error("',' between the map's key and value types") }
            let value = try readType()
            skipSpaces()
            guard consume(">") else { throw error("'>' to close map<") }
            return .map(value)
        case "oneOf":
            let oneOfStart = wordStart
            guard consume("<") else { throw error("'<' after oneOf") }
            var branches = [try readType()]
            skipSpaces()
            while consume(",") {
                branches.append(try readType())
                skipSpaces()
            }
            guard consume(">") else { throw error("',' or '>' in oneOf<…>") }
            guard branches.count >= 2 else {
                index = oneOfStart
                throw error("at least two oneOf branches")
            }
            return .oneOf(branches)
        case "int", "integer": return .primitive(.integer)
        case "unspecified": return .unspecified
        case "empty": return .empty
        case "Enum": throw error("Enum only at the start of a type")
        default:
            if let primitive = TypeRef.Primitive(rawValue: word) { return .primitive(primitive) }
            guard let first = word.first, first.isUppercase else {
                index = wordStart
                throw error("a known type or a schema name (schema names start with a capital letter)")
            }
            return .named(word)
        }
    }

    mutating func readWord() -> String {
        let start = index
        while index < characters.count, Self.isWordCharacter(characters[index]) { index += 1 }
        return String(characters[start..<index])
    }

    /// A letter, a digit or `_`; ASCII is decided by its code, without the Unicode property tables (contracts are
    /// read at every start, and their type strings are nearly all ASCII).
    @inline(__always)
    static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (ascii | 0x20) &- UInt8(ascii: "a") < 26 || ascii &- UInt8(ascii: "0") < 10 || ascii == UInt8(ascii: "_")
        }
        return character.isLetter || character.isNumber
    }

    func peekWord() -> String {
        var copy = self
        return copy.readWord()
    }

    mutating func consume(_ character: Character) -> Bool {
        guard index < characters.count, characters[index] == character else { return false }
        index += 1
        return true
    }

    mutating func skipSpaces() {
        while index < characters.count, characters[index] == " " { index += 1 }
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while result.first == " " { result = result.dropFirst() }
        while result.last == " " { result = result.dropLast() }
        return result
    }
}

extension String {
    func distance(to substring: Substring) -> Int {
        distance(from: startIndex, to: substring.startIndex)
    }
}
