import Testing
@testable import SuretyRecordings

/// The ignore file's lines, comments and bound.
@Suite struct IgnoreFileTests {
    @Test func patternsAreReadOnePerLineWithCommentsAndBlankLinesSkipped() throws {
        let text = "# team decisions\n\n/items/*/createdAt  # clocks\n\t/id#fragment\r\n"
        let file = try IgnoreFile(bytes: Array(text.utf8), file: "x")
        #expect(file.patterns.map(\.description) == ["/items/*/createdAt", "/id#fragment"])
    }

    @Test func aLineThatIsNotAPatternIsReportedWithItsLine() {
        #expect(throws: IgnoreFileError.invalidPattern(file: "x", line: 2, text: "createdAt")) {
            try IgnoreFile(bytes: Array("/a\ncreatedAt\n".utf8), file: "x")
        }
    }

    @Test func aFileOfExactlyTheLimitIsReadAndOneByteMoreIsRefused() throws {
        let line = "/a # " + String(repeating: "x", count: IgnoreFile.maxBytes - 6) + "\n"
        #expect(line.utf8.count == IgnoreFile.maxBytes)
        #expect(try IgnoreFile(bytes: Array(line.utf8), file: "x").patterns.count == 1)
        #expect(throws: IgnoreFileError.tooLarge(file: "x", bytes: IgnoreFile.maxBytes + 1)) {
            try IgnoreFile(bytes: Array((line + "\n").utf8), file: "x")
        }
    }
}
