import Testing
@testable import SuretyJSON

@Suite struct JSONParserTests {
    func reject(_ text: String, options: JSONParser.Options = .default) -> JSONSyntaxError? {
        do {
            _ = try JSONParser(options: options).parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesNestedValuesKeepingKeyOrderAndNumberLiterals() throws {
        let document = try JSONParser().parse(#"{"b": [1, 2.50, -3e0], "a": {"z": null, "y": true}, "c": "x"}"#)
        let value = document.value()
        #expect(value.objectValue?.map(\.key) == ["b", "a", "c"])
        #expect(value["b"]?[1]?.numberValue?.literal == "2.50")
        #expect(value["b"]?[2]?.numberValue?.literal == "-3e0")
        #expect(value["a"]?["y"] == .bool(true))
        #expect(JSONWriter().string(value) == #"{"b":[1,2.50,-3e0],"a":{"z":null,"y":true},"c":"x"}"#)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let document = try JSONParser().parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\ud83d\ude00", "é"]"#)
        #expect(document.value()[0] == .string("a\"b\\c/d\u{8}\u{c}\n\r\t"))
        #expect(document.value()[1] == .string("é😀"))
        #expect(document.value()[2] == .string("é"))
    }

    @Test func reportsLineAndColumnOfTheFirstProblem() {
        let error = reject("{\n  \"a\": 1,\n  \"b\": tru\n}")
        #expect(error?.line == 3)
        #expect(error?.column == 11)
        #expect(error?.message == "unexpected '\\n': expected 'true'")
    }

    @Test func countsColumnsInUnicodeScalars() {
        #expect(reject(#"{"é": x}"#)?.column == 7)
    }

    @Test(arguments: [
        ("[1,]", JSONSyntaxError.Reason.trailingComma),
        (#"{"a":1,}"#, .trailingComma),
        ("[01]", .leadingZero),
        ("[-01]", .leadingZero),
        (#"["\x"]"#, .invalidEscape),
        (#"["\u12G4"]"#, .invalidUnicodeEscape),
        (#"["\ud800"]"#, .unpairedSurrogate),
        (#"["\udc00\ud800"]"#, .unpairedSurrogate),
        (#"["\ud800\u0041"]"#, .unpairedSurrogate),
        ("[1] x", .trailingContent),
        ("", .emptyDocument),
        ("  \n ", .emptyDocument),
        ("[1.]", .invalidNumber("expected a digit after '.'")),
        ("[1e+]", .invalidNumber("expected a digit in the exponent")),
        ("[-]", .invalidNumber("expected a digit after '-'")),
        ("\u{FEFF}{}", .byteOrderMark),
    ])
    func rejectsWhatRFC8259Forbids(text: String, reason: JSONSyntaxError.Reason) {
        #expect(reject(text)?.reason == reason)
    }

    @Test func rejectsCommentsAndSingleQuotesAndBareWords() {
        #expect(reject("[1] // c") != nil)
        #expect(reject("/* c */ [1]") != nil)
        #expect(reject("['a']") != nil)
        #expect(reject("[NaN]") != nil)
        #expect(reject("[Infinity]") != nil)
        #expect(reject("{a: 1}") != nil)
    }

    @Test func rejectsRawControlCharactersAndInvalidUTF8InStrings() {
        #expect(reject("[\"a\u{01}b\"]")?.reason == .controlCharacterInString(0x01))
        #expect(reject("[\"a\tb\"]")?.reason == .controlCharacterInString(0x09))
        let overlong: [UInt8] = [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D]
        #expect(throws: JSONSyntaxError.self) { try JSONParser().parse(overlong) }
        let encodedSurrogate: [UInt8] = [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D]
        #expect(throws: JSONSyntaxError.self) { try JSONParser().parse(encodedSurrogate) }
        let truncated: [UInt8] = [0x5B, 0x22, 0xE2, 0x82, 0x22, 0x5D]
        #expect(throws: JSONSyntaxError.self) { try JSONParser().parse(truncated) }
    }

    @Test func acceptsNestingAtTheDepthLimitAndRejectsOneDeeper() {
        let options = JSONParser.Options(maxDepth: 4)
        #expect(reject("[[[[1]]]]", options: options) == nil)
        #expect(reject("[[[[[1]]]]]", options: options)?.reason == .depthLimitExceeded(limit: 4))
        #expect(reject(#"{"a":{"b":{"c":{"d":{}}}}}"#, options: options)?.reason == .depthLimitExceeded(limit: 4))
    }

    @Test func acceptsADocumentAtTheSizeLimitAndRejectsOneByteMore() {
        let options = JSONParser.Options(maxDocumentBytes: 7)
        #expect(reject(#"["abc"]"#, options: options) == nil)
        #expect(reject(#"["abcd"]"#, options: options)?.reason == .documentTooLarge(limit: 7))
    }

    @Test func deepNestingWithinTheDefaultLimitDoesNotOverflowTheStack() {
        let depth = JSONParser.Options.default.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(reject(text) == nil)
        #expect(reject("[" + text + "]")?.reason == .depthLimitExceeded(limit: depth))
    }

    @Test func reportsDuplicateKeysByDefaultAndRejectsThemOnRequest() throws {
        let text = #"{"a": 1, "b": {"x": 1, "x": 2}, "a": 3}"#
        let document = try JSONParser().parse(text)
        #expect(document.duplicateKeys.map(\.key).sorted() == ["a", "x"])
        #expect(reject(text, options: .init(duplicateKeys: .reject))?.reason == .duplicateKey("x"))
        #expect(try JSONParser(options: .init(duplicateKeys: .allow)).parse(text).duplicateKeys.isEmpty)
    }

    @Test func findsDuplicateKeysThatDifferOnlyInEscapingAndInLargeObjects() throws {
        #expect(try JSONParser().parse(#"{"a": 1, "\u0061": 2}"#).duplicateKeys.map(\.key) == ["a"])
        let members = (0..<40).map { "\"k\($0)\": \($0)" } + ["\"k7\": 0"]
        #expect(try JSONParser().parse("{" + members.joined(separator: ",") + "}").duplicateKeys.map(\.key) == ["k7"])
    }

    @Test("a key repeated in a small object is reported once a repeat, as in a large one; the first at 16 keys, the other at 17")
    func reportsEveryRepeatWhateverTheObjectSize() throws {
        let thrice = try JSONParser().parse(#"{"a": 1, "b": 2, "a": 3, "c": 4, "a": 5}"#)
        #expect(thrice.duplicateKeys.map(\.key) == ["a", "a"])
        #expect(thrice.duplicateKeys.map(\.keyNode) == thrice.duplicateKeys.map(\.keyNode).sorted())
        #expect(Set(thrice.duplicateKeys.map(\.keyNode)).count == 2)
        for size in [2, 15, 16, 17, 40] {
            let keys = (0..<size - 1).map { "k\($0)" } + ["k0"]
            let text = "{" + keys.map { "\"\($0)\": 0" }.joined(separator: ",") + "}"
            let found = try JSONParser().parse(text).duplicateKeys
            #expect(found.map(\.key) == ["k0"], "\(size) keys")
            #expect(try JSONParser().parse("{" + keys.dropLast().map { "\"\($0)\": 0" }.joined(separator: ",") + "}").duplicateKeys.isEmpty)
        }
    }

    @Test func givesEveryNodeItsPosition() throws {
        let document = try JSONParser().parse("{\n  \"a\": [\n    true\n  ]\n}")
        let index = try #require(document.index(of: "/a/0"))
        #expect(document.position(of: index) == TextPosition(line: 3, column: 5))
        #expect(document.position(of: try #require(document.index(of: "/a"))) == TextPosition(line: 2, column: 8))
    }
}
