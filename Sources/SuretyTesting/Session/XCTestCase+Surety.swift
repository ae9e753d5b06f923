#if canImport(XCTest)
import XCTest

extension XCTestCase {
    /// A session for this XCTest test whose findings fail the test (`XCTFail`) at tear-down.
    public func makeSuretySession(_ mode: SuretyMode = .emulate, contractsDirectory: String? = nil,
                                  onViolation: ViolationHandling = .fail, file: StaticString = #filePath,
                                  line: UInt = #line) throws -> SuretySession {
        let session = try SuretySession(mode, contractsDirectory: contractsDirectory, onViolation: onViolation)
        addTeardownBlock { session.reportFindings(filePath: file, line: line) }
        return session
    }
}
#endif
