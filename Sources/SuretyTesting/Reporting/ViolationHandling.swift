import Foundation
import Testing
#if canImport(XCTest)
import XCTest
#endif

/// What a contract violation (or a replay miss, or a request no stub answers) does to the running test.
public enum ViolationHandling: Sendable, Hashable {
    /// Fails the test: `Issue.record` under Swift Testing, `XCTFail` under XCTest.
    case fail
    /// Only writes it to standard error.
    case log

    /// Reports one finding as this handling says.
    func report(_ text: String, sourceLocation: Testing.SourceLocation, file: StaticString, line: UInt) {
        switch self {
        case .log:
            FileHandle.standardError.write(Data(("SuretyTesting: " + text + "\n").utf8))
        case .fail:
            if Test.current != nil {
                Issue.record(Comment(rawValue: text), sourceLocation: sourceLocation)
                return
            }
            #if canImport(XCTest)
            XCTFail(text, file: file, line: line)
            #else
            Issue.record(Comment(rawValue: text), sourceLocation: sourceLocation)
            #endif
        }
    }
}
