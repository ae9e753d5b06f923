import Foundation
import SuretyContracts
import SuretyJSON
import SuretySchemas

/// `surety schemas`: every schema name `--schema` accepts, with its property counts and where it is defined.
struct SchemasCommand: SuretyCommand {
    static let name = "schemas"
    static let summary = "list every schema: name, properties (required), contract file and source document"
    static let usage = "usage: surety schemas [--contracts DIR] [--format \(choices(OutputFormat.self))]"

    let source: ContractSource
    let format: OutputFormat

    init(arguments: [String]) throws(UsageError) {
        let scanner = try ArgumentScanner(arguments, options: ["contracts", "format"], flags: [])
        guard scanner.positionals.isEmpty else { throw UsageError("unexpected argument \(scanner.positionals[0])") }
        source = ContractSource(scanner)
        format = try scanner.choice("format", default: OutputFormat.defaultFormat)
    }

    /// One schema as the command lists it.
    struct Row {
        let name: String
        let properties: Int
        let required: Int
        let file: String
        let document: String
    }

    func run(console: Console) async -> ExitCode {
        guard let contract = source.loadOrReport(console) else { return .failure }
        let rows = Self.rows(contract)
        switch format {
        case .json:
            console.out(JSONWriter(style: .pretty).string(.array(rows.map { row in
                .object(["name": .string(row.name), "properties": .integer(row.properties), "required": .integer(row.required),
                         "file": .string(row.file), "document": .string(row.document)])
            })))
        case .text:
            console.out(TextTable.render(header: ["NAME", "PROPERTIES", "REQUIRED", "FILE", "DOCUMENT"], rows: rows.map { row in
                [row.name, String(row.properties), String(row.required), row.file, row.document]
            }))
            console.line("\(rows.count) schemas")
        }
        return .success
    }

    /// The rows in definition order; the file is the contract file's name, the document the one it transcribes.
    static func rows(_ contract: Contract) -> [Row] {
        var documentByFile: [String: String] = [:]
        for document in contract.documents { documentByFile[document.file] = document.document }
        return contract.schemas.schemas.map { schema in
            let file = schema.location?.file ?? ""
            let document = contract.undocumentedSchemas.contains(schema.name) ? "(no table in the documents)" : documentByFile[file] ?? ""
            return Row(name: schema.name, properties: schema.properties.count, required: schema.requiredProperties.count,
                       file: URL(fileURLWithPath: file).lastPathComponent, document: document)
        }
    }
}
