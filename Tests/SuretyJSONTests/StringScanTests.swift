import Testing
@testable import SuretyJSON

/// The string scan jumps from an eight-byte word straight to its first special byte: a quote, an escape, a control
/// character or a multi-byte character must be found at every offset within and across words.
@Suite struct StringScanTests {
    static let padding = String(repeating: "a", count: 19)

    @Test(arguments: 0..<17)
    func aQuoteEscapeOrMultibyteCharacterAtAnyOffset(offset: Int) throws {
        let prefix = String(Self.padding.prefix(offset))
        let text = #"["\#(prefix)", "\#(prefix)\"q", "\#(prefix)é€😀", "\#(prefix)\u0041"]"#
        let value = try JSONParser().parse(text).value()
        #expect(value[0] == .string(prefix))
        #expect(value[1] == .string(prefix + "\"q"))
        #expect(value[2] == .string(prefix + "é€😀"))
        #expect(value[3] == .string(prefix + "A"))
    }

    @Test(arguments: 0..<17)
    func aControlCharacterOrBadByteAtAnyOffsetIsRejectedThere(offset: Int) throws {
        let prefix = Array(Self.padding.utf8.prefix(offset))
        for bad: UInt8 in [0x09, 0x1F, 0xFF] {
            let bytes = Array("[\"".utf8) + prefix + [bad] + Array("xyz\"]".utf8)
            let error = #expect(throws: JSONSyntaxError.self) { try JSONParser().parse(bytes) }
            #expect(error?.column == 3 + offset)
        }
    }

    @Test func wordSizedStringsEndingAtTheWordEdge() throws {
        for length in [7, 8, 9, 15, 16, 17] {
            let content = String(repeating: "k", count: length)
            #expect(try JSONParser().parse(#"{"\#(content)":"\#(content)"}"#).value()[content] == .string(content))
        }
    }
}
