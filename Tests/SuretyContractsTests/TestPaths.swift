import Foundation

/// Paths of the repository, found from this source file so tests run from any working directory.
enum TestPaths {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var contracts: String { repository + "/contracts" }
    static var brokenContracts: String { repository + "/Tests/SuretyContractsTests/BrokenContracts" }
}
