import Foundation
import Testing
import SuretyJSON
@testable import SuretyContracts

/// Each folder under BrokenContracts holds contract files with one kind of problem and `expected.txt`, the exact
/// diagnostics `surety lint` gives. Set SURETY_RECORD=1 to write the expectations anew (then review the diff).
@Suite struct BrokenContractTests {
    static let cases: [String] = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.brokenContracts).sorted()) ?? []

    static func diagnostics(for folder: String) throws -> String {
        let directory = TestPaths.brokenContracts + "/" + folder
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        let files = try names.map { name in
            ContractLoader.SourceFile(name: name, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))))
        }
        let loaded = ContractLoader().load(files: files)
        let all = (loaded.diagnostics + ContractLinter().lint(loaded.contract)).sorted()
        return all.map(\.description).joined(separator: "\n") + "\n"
    }

    @Test func thereIsOneFolderPerKindOfProblem() {
        #expect(Self.cases.count >= 12)
    }

    @Test(arguments: cases)
    func reportsExactlyTheExpectedDiagnostics(folder: String) throws {
        let actual = try Self.diagnostics(for: folder)
        let expectedPath = TestPaths.brokenContracts + "/" + folder + "/expected.txt"
        if ProcessInfo.processInfo.environment["SURETY_RECORD"] == "1" {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(actual == expected, "diagnostics for \(folder) differ")
        #expect(!actual.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(folder) must produce a diagnostic")
    }
}
