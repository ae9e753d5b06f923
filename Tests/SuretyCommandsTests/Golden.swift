import Foundation
import Testing

/// Golden files: expected outputs kept under Tests/SuretyCommandsTests/Golden. With SURETY_RECORD=1 a test writes the
/// file anew and still fails, so a re-record is always a reviewed diff.
enum Golden {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.path + "/Golden"
    }()

    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func assertMatches(_ actual: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = folder + "/" + name
        if ProcessInfo.processInfo.environment["SURETY_RECORD"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(name); review the diff and run again without SURETY_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = first.map { "line \($0.offset + 1):\n- \($0.element.1)\n+ \($0.element.0)" } ?? "lengths differ"
            Issue.record("\(name) differs from the golden file at \(where_)", sourceLocation: sourceLocation)
        }
    }
}
