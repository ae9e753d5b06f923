import Foundation
import SuretyContracts
import SuretyJSON
import SuretySchemas

/// Reads scenario files (`scenario/1`) and checks them against the contract, collecting every problem with its file,
/// line, column and JSON Pointer.
///
/// The shape is checked first (known keys, value types, pointers); with a contract, each step's endpoint id or
/// route must exist, its path values must name the template's parameters, and every `{{name}}` must refer to a
/// built-in or to a capture of an earlier step.
public struct ScenarioLoader: Sendable {
    /// A scenario file given as bytes.
    public typealias SourceFile = SuretyJSON.SourceFile

    /// Why a scenario folder could not be read at all.
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        /// The folder does not exist or cannot be listed.
        case unreadableDirectory(path: String, reason: String)

        /// `cannot read scenarios in PATH: REASON`.
        public var description: String {
            switch self {
            case .unreadableDirectory(let path, let reason): return "cannot read scenarios in \(path): \(reason)"
            }
        }
    }

    /// The format version every scenario file declares.
    public static let formatVersion = "scenario/1"
    /// References every step may use without a capture: the run's tenant and fresh seeded identifiers.
    public static let builtinReferences: Set<String> = ["tenantLocator", "$ulid", "$uuid"]

    /// Whether a reference no step captures is resolved by the run: a name ending in `Locator` (`policyLocator`)
    /// takes a `--var` of that name, else the first locator of its kind that `--start` or discovery found.
    public static func isRunReference(_ name: String) -> Bool {
        name.hasSuffix("Locator") && name.count > "Locator".count
    }

    /// The contract steps are checked against; nil checks only the files' shape.
    public let contract: Contract?

    /// Creates a loader.
    public init(contract: Contract? = nil) {
        self.contract = contract
    }

    /// Loads every `*.json` directly in `directory`, in name order; `README.md` and other files are ignored. File
    /// names in diagnostics and step locations start with `shownAs` when given, else with `directory`.
    public func load(directory: String, shownAs: String? = nil) throws(LoadError) -> (scenarios: [Scenario], diagnostics: [Diagnostic]) {
        let files: [SourceFile], diagnostics: [Diagnostic]
        do {
            (files, diagnostics) = try SourceFolder.jsonFiles(in: directory, shownAs: shownAs)
        } catch {
            throw .unreadableDirectory(path: error.path, reason: error.reason)
        }
        let loaded = load(files: files)
        return (loaded.scenarios, diagnostics + loaded.diagnostics)
    }

    /// Loads scenario files given as bytes; a file with errors gives no scenario.
    public func load(files: [SourceFile]) -> (scenarios: [Scenario], diagnostics: [Diagnostic]) {
        var scenarios: [Scenario] = []
        var diagnostics: [Diagnostic] = []
        var names: [String: String] = [:]
        for file in files {
            let document: JSONDocument
            do {
                document = try JSONParser(options: .init(duplicateKeys: .report)).parse(file.bytes)
            } catch {
                diagnostics.append(Diagnostic(syntaxError: error, file: file.name))
                continue
            }
            var reader = ScenarioFileReader(document: document, file: file.name, contract: contract)
            reader.reader.reportDuplicateKeys()
            let scenario = reader.readScenario()
            diagnostics += reader.diagnostics
            guard let scenario, !reader.diagnostics.contains(where: { $0.severity == .error }) else { continue }
            if let other = names[scenario.name] {
                diagnostics.append(Diagnostic(.error, file: file.name, position: TextPosition(line: 1, column: 1),
                                              message: "scenario name \"\(scenario.name)\" is also used by \(other)"))
                continue
            }
            names[scenario.name] = file.name
            scenarios.append(scenario)
        }
        return (scenarios, diagnostics.sorted())
    }
}
