import Foundation
import Testing

/// Long expected outputs kept as files in the repository, compared by every suite through this one helper.
///
/// With `SURETY_RECORD_GOLDEN=1` a comparison writes the actual output to its file and then fails, so a re-record
/// cannot pass by accident: review `git diff`, then run again without the variable (the swift-argument-parser habit).
public enum GoldenFile {
    /// The environment variable that makes every golden comparison re-record its file (and fail).
    public static let recordVariable = "SURETY_RECORD_GOLDEN"

    /// Whether this run re-records: the variable is set to anything but empty or `0`.
    public static var isRecording: Bool {
        guard let value = ProcessInfo.processInfo.environment[recordVariable] else { return false }
        return !value.isEmpty && value != "0"
    }

    /// What one comparison found.
    public enum Outcome: Equatable, Sendable {
        /// The file holds exactly the actual output.
        case matches
        /// The file differs; the first differing line, as `line N:` then `- expected` and `+ actual`.
        case differs(String)
        /// There is no file yet.
        case missing
        /// The file was written anew (a failure until reviewed).
        case recorded
    }

    /// Compares `actual` with the file at `path` (relative paths from the repository root), or writes it when `recording`.
    public static func compare(_ actual: String, with path: String, recording: Bool = isRecording) throws -> Outcome {
        let file = absolute(path)
        if recording {
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
            return .recorded
        }
        guard let data = FileManager.default.contents(atPath: file) else { return .missing }
        return firstDifference(expected: String(decoding: data, as: UTF8.self), actual: actual).map(Outcome.differs) ?? .matches
    }

    /// Expects `actual` to equal the golden file at `path` (relative paths from the repository root); records an
    /// issue when it differs, is missing, or was just re-recorded.
    public static func expect(_ actual: String, matches path: String, recording: Bool = isRecording,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let outcome: Outcome
        do {
            outcome = try compare(actual, with: path, recording: recording)
        } catch {
            Issue.record("cannot write the golden file \(path): \(error)", sourceLocation: sourceLocation)
            return
        }
        switch outcome {
        case .matches:
            return
        case .differs(let difference):
            Issue.record("\(path) differs from the actual output at \(difference)\n(if the change is intended: \(recordVariable)=1 swift test)",
                         sourceLocation: sourceLocation)
        case .missing:
            Issue.record("no golden file \(path); write it with \(recordVariable)=1 and review it", sourceLocation: sourceLocation)
        case .recorded:
            Issue.record("re-recorded \(path); review `git diff`, then run again without \(recordVariable)", sourceLocation: sourceLocation)
        }
    }

    /// The first line where two texts differ, as `line N:\n- expected\n+ actual`; nil when they are equal.
    public static func firstDifference(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = actual.components(separatedBy: "\n")
        // The texts differ, so either a common line differs or one text has lines past the other's end.
        let index = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
        let old = index < expectedLines.count ? expectedLines[index] : "(end of file)"
        let new = index < actualLines.count ? actualLines[index] : "(end of output)"
        return "line \(index + 1):\n- \(old)\n+ \(new)"
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : TestRepository.root + "/" + path
    }
}
