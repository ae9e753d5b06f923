import Foundation
import SuretyContracts
import SuretyJSON

/// Finds and loads the contract for a command: `--contracts DIR`, else `$SURETY_CONTRACTS`, else `./contracts`.
struct ContractSource: Sendable {
    let directory: String

    /// `environment` is the process's by default; tests pass their own.
    init(_ scanner: ArgumentScanner, environment: [String: String] = ProcessInfo.processInfo.environment) {
        directory = scanner.value("contracts") ?? environment["SURETY_CONTRACTS"].flatMap { $0.isEmpty ? nil : $0 } ?? "contracts"
    }

    /// Loads and lints the contract; prints its errors and returns nil when it has any (exit 2 for the caller).
    func loadOrReport(_ console: Console) -> Contract? {
        let loaded: (contract: Contract, diagnostics: [Diagnostic])
        do {
            loaded = try ContractLoader().load(directory: directory)
        } catch {
            console.errorLine("surety: \(error.description)")
            if case .unreadableDirectory = error {
                console.errorLine("surety: run from the project folder, or pass --contracts DIR")
            }
            return nil
        }
        let errors = (loaded.diagnostics + ContractLinter().lint(loaded.contract)).filter { $0.severity == .error }
        guard errors.isEmpty else {
            for diagnostic in errors { console.errorLine(diagnostic.description) }
            console.errorLine("surety: the contract in \(directory) has \(errors.count) error(s); `surety lint` lists every problem")
            return nil
        }
        return loaded.contract
    }
}
