import Foundation
import Testing
import SuretyJSON
import SuretyTestSupport
@testable import SuretyContracts

/// Each folder under BrokenContracts holds contract files with one kind of problem and `expected.txt`, the exact
/// diagnostics `surety lint` gives, compared as a golden file (`SURETY_RECORD_GOLDEN=1` re-records it and fails).
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
        GoldenFile.expect(actual, matches: TestPaths.brokenContracts + "/" + folder + "/expected.txt")
        #expect(!actual.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(folder) must produce a diagnostic")
    }
}
