import Foundation
import SuretyContracts
import SuretyJSON

/// `surety openapi`: exports the contract as an OpenAPI 3.1 document.
struct OpenAPICommand: SuretyCommand {
    static let name = "openapi"
    static let summary = "export the contract as an OpenAPI 3.1 document"
    static let usage = """
        usage: surety openapi [--contracts DIR] [-o FILE] [--nullable \(choices(OpenAPIExporter.NullableStyle.self))]
          --nullable \(defaultNullableStyle.rawValue) (default): nullable values as type [T, "null"], for client generators;
          any-of: as anyOf [T, {"type": "null"}], for test generators such as Schemathesis (docs/openapi.md).
        """

    /// How nullable values are written without `--nullable`.
    static let defaultNullableStyle = OpenAPIExporter.NullableStyle.typeList

    let source: ContractSource
    let output: String?
    let nullableStyle: OpenAPIExporter.NullableStyle

    init(arguments: [String]) throws(UsageError) {
        let scanner = try ArgumentScanner(arguments, options: ["contracts", "output", "nullable"], flags: [], shortAliases: ["o": "output"])
        guard scanner.positionals.isEmpty else { throw UsageError("unexpected argument \(scanner.positionals[0])") }
        source = ContractSource(scanner)
        output = scanner.value("output")
        nullableStyle = try scanner.choice("nullable", default: Self.defaultNullableStyle)
    }

    func run(console: Console) async -> ExitCode {
        guard let contract = source.loadOrReport(console) else { return .failure }
        let bytes = JSONWriter(style: .pretty).bytes(OpenAPIExporter(nullableStyle: nullableStyle).export(contract))
        guard let output else {
            console.out(String(decoding: bytes, as: UTF8.self))
            return .success
        }
        do {
            try AtomicFile.write(bytes, to: output)
            return .success
        } catch {
            console.errorLine("surety openapi: \(error)")
            return .failure
        }
    }
}
