import Foundation
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// The NDJSON reader applies its per-line limit while reading: memory stays bounded by the limit, not the line.
@Suite("the bounded line reader")
struct LineSourceTests {
    /// Reads `text` from a temporary file with the given limits: the lines handed on, the oversized line numbers, the ending.
    func read(_ bytes: [UInt8], maxLine: Int, maxSkipped: Int = LineSource.maxSkippedLineBytes) throws -> ([String], [Int], LineSource.Ending) {
        let directory = try TestRepository.temporaryDirectory("surety-lines")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/in.ndjson"))
        let source = try #require(LineSource(path: directory + "/in.ndjson"))
        var lines: [String] = [], oversized: [Int] = []
        let ending = source.forEachLine(maxLineBytes: maxLine, maxSkippedBytes: maxSkipped, { number, line in
            lines.append("\(number):\(line.count)")
        }, oversized: { oversized.append($0) })
        return (lines, oversized, ending)
    }

    @Test("a line at the limit is handed on; one byte over is reported by its number and skipped, and the next line is read")
    func limitInOneChunk() throws {
        let (lines, oversized, ending) = try read(Array("12345678\n123456789\nabc\n123456789".utf8), maxLine: 8)
        #expect(lines == ["1:8", "3:3"])
        #expect(oversized == [2, 4])
        #expect(ending == .endOfInput)
    }

    @Test("the limit holds for lines that span reads: at the limit kept, one over skipped without being held")
    func limitAcrossChunks() throws {
        let limit = LineSource.chunkBytes + 10
        let atLimit = [UInt8](repeating: 0x31, count: limit), over = [UInt8](repeating: 0x32, count: limit + 1)
        let (lines, oversized, ending) = try read(atLimit + [0x0A] + over + [0x0A] + Array("{}\n".utf8), maxLine: limit)
        #expect(lines == ["1:\(limit)", "3:2"])
        #expect(oversized == [2])
        #expect(ending == .endOfInput)
    }

    @Test("an over-long line with no line break stops reading past the skip bound, and not at it")
    func unterminated() throws {
        let atBound = try read([UInt8](repeating: 0, count: 50), maxLine: 8, maxSkipped: 50)
        #expect(atBound.1 == [1] && atBound.2 == .endOfInput)
        let over = try read([UInt8](repeating: 0, count: 51), maxLine: 8, maxSkipped: 50)
        #expect(over.1 == [1] && over.2 == .unterminated(line: 1, bytes: 51))
    }

    @Test("surety validate --ndjson /dev/zero ends with exit 2 and a clear error instead of growing")
    func devZero() async throws {
        let result = await surety(["validate", "--schema", "TermResponse", "--ndjson", "/dev/zero", "--contracts", TestRepository.contracts])
        #expect(result.code == .failure)
        #expect(result.err.contains("/dev/zero:1: no line break in"), "\(result.err)")
        #expect(result.out.contains("/dev/zero:1: error: document longer than \(LineSource.maxDocumentBytes) bytes: skipped"), "\(result.out)")
    }
}
