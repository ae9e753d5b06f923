import SuretyJSON
import Testing
@testable import SuretyRecordings

/// The ignore file's lines, comments and bound.
@Suite struct IgnoreFileTests {
    @Test func patternsAreReadOnePerLineWithCommentsAndBlankLinesSkipped() throws {
        let text = "# team decisions\n\n/items/*/createdAt  # clocks\n\t/id#fragment\r\n"
        let file = try IgnoreFile(bytes: Array(text.utf8), file: "x")
        #expect(file.patterns.map(\.description) == ["/items/*/createdAt", "/id#fragment"])
    }

    @Test func aLineThatIsNotAPatternIsReportedWithItsLineAndColumn() {
        #expect(throws: IgnoreFileError(issues: [IgnoreFileIssue(file: "x", position: TextPosition(line: 2, column: 1), pointer: nil,
                                                                 reason: .invalidPattern("createdAt"))])) {
            try IgnoreFile(bytes: Array("/a\ncreatedAt\n".utf8), file: "x")
        }
    }

    @Test func everyLineThatIsNotAPatternIsReportedInOneRunAtItsFirstCharacter() {
        let text = "créé # a comment\n/ok\n  \tid\r\n/fine\n  ~x  # trailing\n"
        do {
            _ = try IgnoreFile(bytes: Array(text.utf8), file: "x")
            Issue.record("the file has three bad lines")
        } catch {
            #expect(error.issues.map(\.description) == [
                #"x:1:1: error: "créé" is not a JSON Pointer pattern (e.g. /items/*/createdAt)"#,
                #"x:3:4: error: "id" is not a JSON Pointer pattern (e.g. /items/*/createdAt)"#,
                #"x:5:3: error: "~x" is not a JSON Pointer pattern (e.g. /items/*/createdAt)"#,
            ])
        }
    }

    @Test func aFileOfExactlyTheLimitIsReadAndOneByteMoreIsRefused() throws {
        let line = "/a # " + String(repeating: "x", count: IgnoreFile.maxBytes - 6) + "\n"
        #expect(line.utf8.count == IgnoreFile.maxBytes)
        #expect(try IgnoreFile(bytes: Array(line.utf8), file: "x").patterns.count == 1)
        #expect(throws: IgnoreFileError(issues: [IgnoreFileIssue(file: "x", reason: .tooLarge(bytes: IgnoreFile.maxBytes + 1))])) {
            try IgnoreFile(bytes: Array((line + "\n").utf8), file: "x")
        }
    }
}
