import Foundation
import SuretyContracts
import SuretyEmbeddedContract
import SuretyJSON

/// Finds and loads the contract for a command: `--contracts DIR`, else `$SURETY_CONTRACTS`, else the contract embedded
/// in `surety` (the project's `contracts/`, so that every command works from any folder).
struct ContractSource: Sendable {
    /// The environment variable that names a contract folder when `--contracts` is not given.
    static let environmentVariable = "SURETY_CONTRACTS"

    /// Where the contract in use comes from, in the order they are tried.
    enum Origin: Equatable, Sendable {
        /// `--contracts DIR`.
        case option(String)
        /// `$SURETY_CONTRACTS`.
        case environment(String)
        /// The contract built into the executable, in its resource bundle.
        case embedded(String)

        /// The folder the contract is read from.
        var directory: String {
            switch self {
            case .option(let directory), .environment(let directory), .embedded(let directory): directory
            }
        }

        /// What file names say instead of ``directory``: `contracts` for the embedded contract, whose real folder is
        /// inside the build's resource bundle (an export or a diagnostic must not depend on where `surety` was
        /// built); nil, the folder as given, otherwise.
        var shownAs: String? {
            if case .embedded = self { "contracts" } else { nil }
        }

        /// What `--help` says of the contract in use: `contract: embedded (surety 0.14.0)`, `contract: DIR (--contracts)`.
        var description: String {
            switch self {
            case .option(let directory): "contract: \(directory) (--contracts)"
            case .environment(let directory): "contract: \(directory) ($\(ContractSource.environmentVariable))"
            case .embedded: "contract: embedded (surety \(CommandLineTool.version))"
            }
        }
    }

    /// `--contracts DIR`, when given.
    let option: String?
    /// The embedded contract's folder; nil when the executable's resource bundle is missing.
    let embedded: String?

    /// Reads `--contracts` from a command's scanned arguments.
    init(_ scanner: ArgumentScanner, embedded: String? = EmbeddedContract.directory) {
        self.init(option: scanner.value("contracts"), embedded: embedded)
    }

    /// A source with `--contracts` given as `option` (nil or empty: not given).
    init(option: String?, embedded: String? = EmbeddedContract.directory) {
        self.option = option.flatMap { $0.isEmpty ? nil : $0 }
        self.embedded = embedded
    }

    /// Finds `--contracts DIR` or `--contracts=DIR` in arguments that were not scanned (for `--help`).
    init(arguments: [String]) {
        var value: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--contracts", index + 1 < arguments.count { value = arguments[index + 1] }
            if argument.hasPrefix("--contracts=") { value = String(argument.dropFirst("--contracts=".count)) }
        }
        self.init(option: value)
    }

    /// The contract in use given the value of `$SURETY_CONTRACTS` (empty counts as unset); nil when there is none.
    func origin(environment: String?) -> Origin? {
        if let option { return .option(option) }
        if let environment, !environment.isEmpty { return .environment(environment) }
        return embedded.map(Origin.embedded)
    }

    /// The contract in use, reading `$SURETY_CONTRACTS` from the console's environment.
    func origin(_ console: Console) -> Origin? {
        origin(environment: console.environment(Self.environmentVariable))
    }

    /// The contract in use; nil, after saying how to name one, when there is none.
    func originOrReport(_ console: Console) -> Origin? {
        guard let origin = origin(console) else {
            console.errorLine("surety: no contract: the embedded one is missing (its resource bundle, \(EmbeddedContract.bundleName).resources, is not beside the executable)")
            console.errorLine("surety: pass --contracts DIR or set $\(Self.environmentVariable)")
            return nil
        }
        return origin
    }

    /// Loads and lints the contract; prints its errors and returns nil when it has any (exit 2 for the caller).
    func loadOrReport(_ console: Console) -> Contract? {
        guard let origin = originOrReport(console) else { return nil }
        let directory = origin.directory
        let loaded: (contract: Contract, diagnostics: [Diagnostic])
        do {
            loaded = try ContractLoader().load(directory: directory, shownAs: origin.shownAs)
        } catch {
            console.errorLine("surety: \(error.description)")
            if case .unreadableDirectory = error {
                console.errorLine("surety: pass --contracts DIR, set $\(Self.environmentVariable), or leave both out for the embedded contract")
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
