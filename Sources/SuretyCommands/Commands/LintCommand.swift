import SuretyContracts
import SuretyJSON

/// `surety lint`: reports every problem of the contract in one run.
struct LintCommand: SuretyCommand {
    static let name = "lint"
    static let summary = "check the contract files and report every problem"
    static let usage = "usage: surety lint [--contracts DIR] [--format \(choices(OutputFormat.self))]"

    let source: ContractSource
    let format: OutputFormat

    init(arguments: [String]) throws(UsageError) {
        let scanner = try ArgumentScanner(arguments, options: ["contracts", "format"], flags: [])
        guard scanner.positionals.isEmpty else { throw UsageError("unexpected argument \(scanner.positionals[0])") }
        source = ContractSource(scanner)
        format = try scanner.choice("format", default: OutputFormat.defaultFormat)
    }

    func run(console: Console) async -> ExitCode {
        guard let origin = source.originOrReport(console) else { return .failure }
        let loaded: (contract: Contract, diagnostics: [Diagnostic])
        do {
            loaded = try ContractLoader().load(directory: origin.directory, shownAs: origin.shownAs)
        } catch {
            console.errorLine("surety lint: \(error.description)")
            return .failure
        }
        let diagnostics = (loaded.diagnostics + ContractLinter().lint(loaded.contract)).sorted()
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        switch format {
        case .json:
            let items: [JSONValue] = diagnostics.map { diagnostic in
                var members: [JSONMember] = [
                    JSONMember(key: "severity", value: .string(diagnostic.severity.rawValue)),
                    JSONMember(key: "file", value: .string(diagnostic.file)),
                ]
                if let position = diagnostic.position {
                    members.append(JSONMember(key: "line", value: .integer(position.line)))
                    members.append(JSONMember(key: "column", value: .integer(position.column)))
                }
                if let pointer = diagnostic.pointer { members.append(JSONMember(key: "pointer", value: .string(pointer.description))) }
                members.append(JSONMember(key: "message", value: .string(diagnostic.message)))
                return .object(members)
            }
            let report: JSONValue = .object([
                "endpoints": .integer(loaded.contract.endpoints.count), "schemas": .integer(loaded.contract.schemas.schemas.count),
                "errors": .integer(errors), "warnings": .integer(warnings), "diagnostics": .array(items),
            ])
            console.out(JSONWriter(style: .pretty).string(report))
        case .text:
            for diagnostic in diagnostics { console.line(diagnostic.description) }
            console.line("\(loaded.contract.endpoints.count) endpoints, \(loaded.contract.schemas.schemas.count) schemas: \(errors) error(s), \(warnings) warning(s)")
        }
        return errors > 0 ? .findings : .success
    }
}
