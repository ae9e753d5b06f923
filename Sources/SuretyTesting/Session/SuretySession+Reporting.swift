import Testing

extension SuretySession {
    /// Every finding so far, reported or not: each exchange that broke the contract (with the endpoint, its place in
    /// the contract, and each violation's pointer, rule, expected and actual), then each replay miss or other problem.
    public var findings: [String] { findingLog.all }

    /// Reports the findings not reported yet to the running test, as ``onViolation`` says, each once.
    ///
    /// The `.surety` trait calls it when the test ends; call it sooner to fail at a point of the test (inside
    /// `withKnownIssue`, say), and from XCTest's tear-down (``XCTest/XCTestCase/makeSuretySession(_:contractsDirectory:onViolation:file:line:)`` does).
    public func reportFindings(fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column) {
        let location = Testing.SourceLocation(fileID: fileID, filePath: "\(filePath)", line: Int(line), column: Int(column))
        reportFindings(sourceLocation: location, file: filePath, line: line)
    }

    func reportFindings(sourceLocation: Testing.SourceLocation, file: StaticString = #filePath, line: UInt = #line) {
        for text in findingLog.takeUnreported() {
            onViolation.report(text, sourceLocation: sourceLocation, file: file, line: line)
        }
    }
}
