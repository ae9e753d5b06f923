import Foundation
import SuretyJSON

/// `surety json-check`: parses files strictly by RFC 8259 and says which are accepted; used for the JSONTestSuite corpus.
struct JSONCheckCommand: SuretyCommand {
    static let name = "json-check"
    static let summary = "parse JSON files strictly (RFC 8259) and report accept or the error with line and column"
    static let usage = "usage: surety json-check [--max-depth N] FILE..."
    static let readsContract = false

    let files: [String]
    let maxDepth: Int

    init(arguments: [String]) throws(UsageError) {
        let scanner = try ArgumentScanner(arguments, options: ["max-depth"], flags: [])
        guard !scanner.positionals.isEmpty else { throw UsageError("name at least one file") }
        files = scanner.positionals
        maxDepth = try scanner.integer("max-depth", in: 1...100_000) ?? JSONParser.Options.default.maxDepth
    }

    func run(console: Console) async -> ExitCode {
        var rejected = false
        var unreadable = false
        let parser = JSONParser(options: .init(maxDepth: maxDepth))
        for file in files {
            guard let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file) else {
                console.errorLine("\(file): error: cannot read the file")
                unreadable = true
                continue
            }
            do {
                _ = try parser.parse([UInt8](data))
                console.line("accept \(file)")
            } catch {
                console.line("reject \(file):\(error.line):\(error.column): \(error.message)")
                rejected = true
            }
        }
        return unreadable ? .failure : rejected ? .findings : .success
    }
}
