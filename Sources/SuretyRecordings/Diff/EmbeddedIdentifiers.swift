import SuretySchemas

/// The identifiers (ULIDs, locators, UUIDs) a text names, and the text around them: `policy 01J… does not exist` is
/// `["policy ", " does not exist"]` around `["01J…"]`.
///
/// An identifier is a whole word: a 26-character ULID or a 36-character UUID with no letter or digit on either side.
struct EmbeddedIdentifiers: Equatable {
    /// The text between identifiers, one more element than ``identifiers``.
    var skeleton: [Substring]
    /// The identifiers, in order.
    var identifiers: [String]

    /// Splits `text`; nil when it names no identifier.
    init?(_ text: String) {
        let characters = Array(text.utf8)
        var skeleton: [Substring] = [], identifiers: [String] = []
        var start = 0, index = 0
        let utf8 = text.utf8
        while index < characters.count {
            let boundaryBefore = index == 0 || !Self.isWordByte(characters[index - 1])
            if boundaryBefore, let length = [36, 26].first(where: { Self.isIdentifier(characters, at: index, length: $0) }) {
                let lower = utf8.index(utf8.startIndex, offsetBy: start), from = utf8.index(utf8.startIndex, offsetBy: index)
                skeleton.append(text[lower..<from])
                identifiers.append(String(decoding: characters[index..<index + length], as: UTF8.self))
                index += length
                start = index
            } else {
                index += 1
            }
        }
        guard !identifiers.isEmpty else { return nil }
        skeleton.append(text[utf8.index(utf8.startIndex, offsetBy: start)...])
        self.skeleton = skeleton
        self.identifiers = identifiers
    }

    /// Whether `length` bytes at `index` are a UUID (36) or a ULID (26) ending at a word boundary.
    private static func isIdentifier(_ bytes: [UInt8], at index: Int, length: Int) -> Bool {
        guard index + length <= bytes.count, index + length == bytes.count || !isWordByte(bytes[index + length]) else { return false }
        let word = String(decoding: bytes[index..<index + length], as: UTF8.self)
        return length == 36 ? Formats.matches(word, .uuid) : Formats.matches(word, .ulid)
    }

    /// An ASCII letter or digit.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
