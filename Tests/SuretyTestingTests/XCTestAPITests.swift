import SuretyTesting
import XCTest

/// The plain API for XCTest suites: a session per test whose findings fail the test at tear-down.
final class XCTestAPITests: XCTestCase {
    func testAnXCTestSuiteDrivesTheEmulatorAndReadsTheJournal() async throws {
        let surety = try makeSuretySession(.emulate)
        let change = try await API.createChange(surety)
        XCTAssertEqual(change.status, 200)
        XCTAssertEqual(surety.journal.count(of: "changePolicy"), 1)
        XCTAssertTrue(surety.findings.isEmpty)
    }
}
