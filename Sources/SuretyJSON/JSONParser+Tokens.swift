extension TapeBuilder {
    /// Parses a string token (RFC 8259 §7), validating escapes, surrogate pairs and UTF-8 (RFC 3629 §4).
    mutating func parseString() throws(JSONSyntaxError) {
        // The scan keeps its position in a local (not `index`, which lives in memory) and writes it back at the end.
        let start = index + 1
        var position = start
        var hasEscape = false
        let count = bytes.count
        let base = bytes.baseAddress!
        while position < count {
            // Skip eight plain bytes at a time (no quote, backslash, control character or non-ASCII byte), then straight
            // to the first special byte of the word that has one.
            while position + 8 <= count {
                let special = ByteClass.specialStringBytes(UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)))
                if special != 0 {
                    position += special.trailingZeroBitCount >> 3
                    break
                }
                position += 8
            }
            guard position < count else { break }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                tape.append(JSONNode(kind: .string, flag: hasEscape, start: UInt32(start), end: UInt32(position), next: UInt32(tape.count + 1), count: 0))
                index = position + 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                index = position
                try parseEscape()
                position = index
            } else if byte < 0x20 {
                // §7: control characters U+0000 through U+001F must be escaped.
                throw fail(.controlCharacterInString(byte), at: position)
            } else if byte < 0x80 {
                position += 1
            } else {
                index = position
                try skipUTF8Sequence()
                position = index
            }
        }
        throw fail(.unexpectedEnd(expected: "'\"' to close the string"), at: position)
    }

    mutating func parseEscape() throws(JSONSyntaxError) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw fail(.unexpectedEnd(expected: "an escape character"), at: index) }
        switch bytes[index] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 1
        case UInt8(ascii: "u"):
            index += 1
            let unit = try readHex4()
            if (0xDC00...0xDFFF).contains(unit) { throw fail(.unpairedSurrogate, at: escapeStart) }
            if (0xD800...0xDBFF).contains(unit) {
                // §7: a character outside the BMP is a surrogate pair; a lone high surrogate is not a character.
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw fail(.unpairedSurrogate, at: escapeStart)
                }
                index += 2
                let low = try readHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw fail(.unpairedSurrogate, at: escapeStart) }
            }
        default:
            throw fail(.invalidEscape, at: escapeStart)
        }
    }

    mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw fail(.unexpectedEnd(expected: "four hexadecimal digits"), at: index) }
            guard let digit = hexValue(bytes[index]) else { throw fail(.invalidUnicodeEscape, at: index) }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Skips one multi-byte UTF-8 sequence, rejecting overlong forms, surrogates and values past U+10FFFF (RFC 3629 §4).
    mutating func skipUTF8Sequence() throws(JSONSyntaxError) {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: throw fail(.invalidUTF8, at: index)
        }
        guard index + length <= bytes.count else { throw fail(.invalidUTF8, at: index) }
        guard secondRange.contains(bytes[index + 1]) else { throw fail(.invalidUTF8, at: index) }
        var offset = 2
        while offset < length {
            guard bytes[index + offset] & 0xC0 == 0x80 else { throw fail(.invalidUTF8, at: index) }
            offset += 1
        }
        index += length
    }

    /// Parses a number token (RFC 8259 §6): `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func parseNumber() throws(JSONSyntaxError) {
        let start = index
        var hasFractionOrExponent = false
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw fail(.unexpectedEnd(expected: "a digit"), at: index) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw fail(.leadingZero, at: start) }
        } else if isDigit(bytes[index]) {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        } else {
            throw fail(.invalidNumber("expected a digit after '-'"), at: index)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            hasFractionOrExponent = true
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw fail(.invalidNumber("expected a digit after '.'"), at: index)
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            hasFractionOrExponent = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw fail(.invalidNumber("expected a digit in the exponent"), at: index)
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        tape.append(JSONNode(kind: .number, flag: hasFractionOrExponent, start: UInt32(start), end: UInt32(index), next: UInt32(tape.count + 1), count: 0))
    }

    /// Finds repeated keys in a just-closed object and reports or rejects them per the options.
    mutating func checkDuplicateKeys(of object: Int) throws(JSONSyntaxError) {
        let count = Int(tape[object].count)
        // A small object whose keys have no escapes (most objects) is checked pairwise along the tape, in place: no
        // list of its keys is built.
        if count <= 16 {
            var cursor = object + 1
            var anyEscaped = false
            for _ in 0..<count where !anyEscaped {
                anyEscaped = tape[cursor].flag
                cursor = Int(tape[cursor + 1].next)
            }
            if !anyEscaped {
                var keyNode = object + 1
                for position in 0..<count {
                    var earlier = object + 1
                    for _ in 0..<position {
                        if rawBytesEqual(tape[earlier], tape[keyNode]) {
                            try noteDuplicate(keyNode, of: object)
                            break
                        }
                        earlier = Int(tape[earlier + 1].next)
                    }
                    keyNode = Int(tape[keyNode + 1].next)
                }
                return
            }
        }
        var keyNodes: [Int] = []
        keyNodes.reserveCapacity(count)
        var cursor = object + 1
        for _ in 0..<count {
            keyNodes.append(cursor)
            cursor = Int(tape[cursor + 1].next)
        }
        var seen: Set<String> = []
        let anyEscaped = keyNodes.contains { tape[$0].flag }
        for (position, keyNode) in keyNodes.enumerated() {
            let duplicate: Bool
            if count <= 16 && !anyEscaped {
                duplicate = keyNodes[..<position].contains { rawBytesEqual(tape[$0], tape[keyNode]) }
            } else {
                duplicate = !seen.insert(JSONStrings.decode(tape[keyNode], in: bytes)).inserted
            }
            guard duplicate else { continue }
            try noteDuplicate(keyNode, of: object)
        }
    }

    /// Refuses a key that repeats an earlier one of its object, or notes it, as the options say.
    private mutating func noteDuplicate(_ keyNode: Int, of object: Int) throws(JSONSyntaxError) {
        let key = JSONStrings.decode(tape[keyNode], in: bytes)
        if options.duplicateKeys == .reject {
            throw fail(.duplicateKey(key), at: Int(tape[keyNode].start) - 1)
        }
        duplicates.append(JSONDocument.DuplicateKey(key: key, objectNode: object, keyNode: keyNode))
    }

    func rawBytesEqual(_ a: JSONNode, _ b: JSONNode) -> Bool {
        let lengthA = Int(a.end - a.start)
        guard lengthA == Int(b.end - b.start) else { return false }
        return memcmpEqual(bytes, Int(a.start), Int(b.start), lengthA)
    }
}

@inline(__always)
func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

@inline(__always)
func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
}

@inline(__always)
func memcmpEqual(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ length: Int) -> Bool {
    var offset = 0
    while offset < length {
        if bytes[a + offset] != bytes[b + offset] { return false }
        offset += 1
    }
    return true
}

/// Byte tests for the hot loops.
enum ByteClass {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each of eight bytes (the first in the lowest bits) that is a quote, a backslash, below 0x20 or at
    /// least 0x80, by the SWAR zero-byte test (`(v - 0x01…) & ~v & 0x80…` marks the bytes of `v` that are zero). A
    /// borrow can mark a byte above a marked one too, never below, so the lowest mark is exact.
    @inline(__always)
    static func specialStringBytes(_ word: UInt64) -> UInt64 {
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let special = control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | word
        return special & highs
    }
}
