import Foundation
import SuretyConformance
import SuretyJSON
import SuretyRecordings

/// `surety har import FILE.har DIR` and `surety har export DIR FILE.har`: recordings to and from HAR 1.2, so they move
/// between Surety and browsers' devtools, mitmproxy and other tools.
///
/// Import reads every entry first and writes nothing when one cannot be read (each named by file, line, column and
/// pointer; exit 2); the entries it writes go through ``RecordingStore``, so they are redacted and numbered after
/// the folder's existing recordings. Export writes the folder's recordings in recorded order, atomically.
struct HARCommand: SuretyCommand {
    static let name = "har"
    static let summary = "import a HAR 1.2 file into a recordings folder, or export a folder as HAR"
    static let usage = """
        usage: surety har import FILE.har DIR [--redact header:NAME|query:NAME|body:/POINTER ...] [--keep NAME ...] [--host NAME] [--contracts DIR]
               surety har export DIR FILE.har [--redact …] [--keep NAME ...] [--base-url URL] [--contracts DIR]
          Both directions redact secrets by default (docs/security.md). Import routes entries without a _surety member
          through the contract;
          it leaves out static files, CORS preflights, entries without a response and other hosts' entries (--host
          names the API's host when several are present), saying how many and why.
          Export writes absolute URLs under --base-url (default http://localhost).
          Exit codes: 0 done, 2 unreadable input or unwritable output, 64 usage.
        """

    /// Which way the conversion goes.
    enum Direction: String, Sendable, CaseIterable {
        case `import`, export
    }

    let source: ContractSource
    let direction: Direction
    let input: String
    let output: String
    let redaction: Redaction
    let baseURL: String
    let host: String?

    init(arguments: [String]) throws(UsageError) {
        let scanner = try ArgumentScanner(arguments, options: ["contracts", "redact", "keep", "base-url", "host"], flags: [])
        source = ContractSource(scanner)
        let words = Direction.allCases.map(\.rawValue)
        guard let word = scanner.positionals.first else { throw UsageError("name a direction: \(words.joined(separator: " or "))") }
        guard let direction = Direction(rawValue: word) else {
            throw UsageError("unknown direction \(word); give \(words.joined(separator: " or "))")
        }
        self.direction = direction
        guard scanner.positionals.count == 3 else {
            throw UsageError(direction == .import ? "har import needs FILE.har and DIR" : "har export needs DIR and FILE.har")
        }
        input = scanner.positionals[1]
        output = scanner.positionals[2]
        var redaction = Redaction.default
        for spec in scanner.values["redact"] ?? [] {
            do { try redaction.add(spec) } catch { throw UsageError("--redact \(spec): \(error.description)") }
        }
        for name in scanner.values["keep"] ?? [] { redaction.keep(name) }
        self.redaction = redaction
        host = scanner.values["host"]?.last
        if host != nil, direction == .export { throw UsageError("--host applies to har import") }
        if let url = try scanner.httpURL("base-url") {
            guard direction == .export else { throw UsageError("--base-url applies to har export") }
            baseURL = url.absoluteString
        } else {
            baseURL = "http://localhost"
        }
    }

    func run(console: Console) async -> ExitCode {
        guard let contract = source.loadOrReport(console) else { return .failure }
        let checker = ExchangeChecker(contract: contract)
        switch direction {
        case .import: return importHAR(checker: checker, console: console)
        case .export: return exportHAR(checker: checker, console: console)
        }
    }

    func importHAR(checker: ExchangeChecker, console: Console) -> ExitCode {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            console.errorLine("surety har: cannot read \(input): no such file")
            return .failure
        }
        guard !isDirectory.boolValue else {
            console.errorLine("surety har: \(input) is a folder; har import reads a HAR file (har export writes one from a folder)")
            return .failure
        }
        guard let exchanges = RecordingInput.load(input, checker: checker, command: Self.name, host: host, console) else { return .failure }
        do {
            let store = try RecordingStore(directory: output, redaction: redaction)
            for stored in exchanges { try store.write(stored.exchange) }
        } catch {
            console.errorLine("surety har: \(error.description)")
            return .failure
        }
        console.line("surety har: imported \(exchanges.count) exchange(s) from \(input) into \(output)")
        return .success
    }

    func exportHAR(checker: ExchangeChecker, console: Console) -> ExitCode {
        guard let exchanges = RecordingInput.load(input, checker: checker, command: Self.name, acceptsHAR: false, console) else {
            return .failure
        }
        do throws(AtomicFile.WriteError) {
            try AtomicFile.write(HARConverter(baseURL: baseURL).exportBytes(exchanges.map { redaction.redact($0.exchange) }), to: output)
        } catch {
            console.errorLine("surety har: \(error.description)")
            return .failure
        }
        console.line("surety har: exported \(exchanges.count) exchange(s) from \(input) to \(output)")
        return .success
    }
}
