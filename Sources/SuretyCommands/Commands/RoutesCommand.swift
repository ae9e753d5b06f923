import SuretyContracts
import SuretyJSON

/// `surety routes`: one row per endpoint.
struct RoutesCommand: SuretyCommand {
    static let name = "routes"
    static let summary = "list every endpoint: method, path, id, response, security, deprecation"
    static let usage = "usage: surety routes [--contracts DIR] [--format \(choices(OutputFormat.self))]"

    let source: ContractSource
    let format: OutputFormat

    init(arguments: [String]) throws(UsageError) {
        let scanner = try ArgumentScanner(arguments, options: ["contracts", "format"], flags: [])
        guard scanner.positionals.isEmpty else { throw UsageError("unexpected argument \(scanner.positionals[0])") }
        source = ContractSource(scanner)
        format = try scanner.choice("format", default: OutputFormat.defaultFormat)
    }

    func run(console: Console) async -> ExitCode {
        guard let contract = source.loadOrReport(console) else { return .failure }
        switch format {
        case .json:
            let rows: [JSONValue] = contract.endpoints.map { endpoint in
                .object([
                    "method": .string(endpoint.method), "path": .string(endpoint.path.text), "id": .string(endpoint.id),
                    "response": .string(Self.response(endpoint)), "security": .string(endpoint.security.description),
                    "deprecated": .bool(endpoint.isDeprecated),
                ])
            }
            console.out(JSONWriter(style: .pretty).string(.array(rows)))
        case .text:
            let rows = contract.endpoints.map { endpoint in
                [endpoint.method, endpoint.path.text, endpoint.id, Self.response(endpoint), endpoint.security.description,
                 endpoint.isDeprecated ? "deprecated" : ""]
            }
            console.out(TextTable.render(header: ["METHOD", "PATH", "ID", "RESPONSE", "SECURITY", "DEPRECATED"], rows: rows))
            console.line("\(contract.endpoints.count) endpoints")
        }
        return .success
    }

    /// The 200 (or first) response's type, as the notation spells it.
    static func response(_ endpoint: Endpoint) -> String {
        guard let response = endpoint.response(for: 200) ?? endpoint.responses.first else { return "" }
        return response.status == 200 ? response.body.type.description : "\(response.status) \(response.body.type)"
    }
}

/// Left-aligned columns separated by two spaces, trailing spaces trimmed.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all { for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) } }
        return all.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                line += column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line + "\n"
        }.joined()
    }
}
