import Foundation
import SuretyConformance
import SuretyContracts

/// The repository's folders and its contract, found from this source file so tests run from any directory.
public enum TestRepository {
    /// The repository root: the nearest ancestor of this file that holds `Package.swift`.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// `contracts/`.
    public static var contracts: String { root + "/contracts" }

    /// The repository's contract, loaded once; a test run stops here if it has errors.
    public static let contract: Contract = {
        do {
            let (contract, diagnostics) = try ContractLoader().load(directory: contracts)
            precondition(!diagnostics.contains { $0.severity == .error }, "the repository's contract has errors: \(diagnostics)")
            return contract
        } catch {
            preconditionFailure("cannot load \(contracts): \(error)")
        }
    }()

    /// A checker over the repository's contract, compiled once.
    public static let checker = ExchangeChecker(contract: contract)

    /// A fresh empty folder under the system's temporary directory.
    public static func temporaryDirectory(_ label: String = "surety") throws -> String {
        let path = NSTemporaryDirectory() + "/\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
