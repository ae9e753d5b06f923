import SuretyHTTPCore
import SuretyServing
import Foundation
import SuretyConformance
import SuretyContracts
import SuretyJSON

/// Finds the contract without relying on the working directory, and loads each contract folder once per process.
///
/// The default is the `contracts` folder of the Surety checkout this library was built from, found relative to this
/// source file's `#filePath`: SwiftPM builds a dependency from its sources, whether it came by path or by URL, so the
/// folder is beside them. A test passes `contractsDirectory` to use another contract.
public enum ContractDirectory {
    /// The `contracts` folder of the Surety checkout this library was built from.
    public static let bundled: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("contracts").path

    private static let cache = Locked<[String: ExchangeChecker]>([:])

    /// The checker of the contract in `directory` (requests must carry a bearer token, as `surety serve` checks),
    /// loaded and linted on first use and shared by every session after it.
    public static func checker(for directory: String = bundled) throws(SuretyTestingError) -> ExchangeChecker {
        if let cached = cache.withLock({ $0[directory] }) { return cached }
        let loaded: (contract: Contract, diagnostics: [Diagnostic])
        do {
            loaded = try ContractLoader().load(directory: directory)
        } catch {
            throw .contract(directory: directory, problems: [error.description])
        }
        let errors = (loaded.diagnostics + ContractLinter().lint(loaded.contract)).filter { $0.severity == .error }
        guard errors.isEmpty else { throw .contract(directory: directory, problems: errors.map(\.description)) }
        let checker = ExchangeChecker(contract: loaded.contract, options: .init(requiresAuthorization: true))
        return cache.withLock { cached in
            if let first = cached[directory] { return first }
            cached[directory] = checker
            return checker
        }
    }
}
