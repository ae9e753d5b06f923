import Foundation
import SuretyContracts
import SuretyConformance
import SuretyJSON
import SuretyRecordings

/// `surety diff`: what changed between two recordings (folders or HAR files), and which changes break clients.
struct DiffCommand: SuretyCommand {
    static let name = "diff"
    static let summary = "compare two recordings (folders or HAR files) and classify every difference"
    static let usage = """
        usage: surety diff OLD NEW [--exact] [--ignore POINTER]... [--format text|json|markdown]
                                   [--fail-on breaking|possibly|any] [--contracts DIR]
        """

    let source: ContractSource
    let old: String
    let new: String
    let options: RecordingDiff.Options
    let format: String
    let failOn: DiffFailureThreshold

    init(arguments: [String]) throws(UsageError) {
        let scanner = try ArgumentScanner(arguments, options: ["contracts", "ignore", "format", "fail-on"], flags: ["exact"])
        source = ContractSource(scanner)
        guard scanner.positionals.count == 2 else { throw UsageError("name exactly two recordings: OLD and NEW") }
        old = scanner.positionals[0]
        new = scanner.positionals[1]
        var patterns: [PointerPattern] = []
        for text in scanner.values["ignore"] ?? [] {
            guard let pattern = PointerPattern(parsing: text) else { throw UsageError("--ignore \(text) is not a JSON Pointer (e.g. /items/*/createdAt)") }
            patterns.append(pattern)
        }
        options = RecordingDiff.Options(exact: scanner.flag("exact"), ignoredPointers: patterns)
        format = try scanner.choice("format", among: ["text", "json", "markdown"]) ?? "text"
        let threshold = try scanner.choice("fail-on", among: DiffFailureThreshold.allCases.map(\.rawValue)) ?? "breaking"
        failOn = DiffFailureThreshold(rawValue: threshold) ?? .breaking
    }

    func run(console: Console) async -> ExitCode {
        guard let contract = source.loadOrReport(console) else { return .failure }
        let checker = ExchangeChecker(contract: contract)
        guard let oldExchanges = Self.load(old, checker: checker, console), let newExchanges = Self.load(new, checker: checker, console) else {
            return .failure
        }
        let report = RecordingDiff(contract: contract, options: options).compare(old: oldExchanges, new: newExchanges)
        switch format {
        case "json": console.out(String(decoding: report.jsonBytes, as: UTF8.self))
        case "markdown": console.out(report.markdown)
        default: console.out(report.text(colors: console.colorsOutput))
        }
        return report.failingCount(failOn) > 0 ? .findings : .success
    }

    /// The exchanges of a recordings folder or a HAR file, or nil after printing every issue found.
    static func load(_ path: String, checker: ExchangeChecker, _ console: Console) -> [StoredExchange]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            console.errorLine("surety diff: cannot read \(path): no such file or folder")
            return nil
        }
        let exchanges: [StoredExchange]
        let issues: [RecordingIssue]
        if isDirectory.boolValue {
            do {
                let set = try RecordingStore.read(directory: path)
                exchanges = set.exchanges
                issues = set.issues.map { issue in
                    var located = issue
                    located.file = path + "/" + issue.file
                    return located
                }
            } catch {
                console.errorLine("surety diff: \(error.description)")
                return nil
            }
        } else {
            guard let data = FileManager.default.contents(atPath: path) else {
                console.errorLine("surety diff: cannot read \(path)")
                return nil
            }
            let imported = HARConverter(checker: checker).importEntries(from: Array(data), file: path)
            exchanges = imported.exchanges.enumerated().map { StoredExchange(file: "\(path)#\($0.offset)", sequence: $0.offset, exchange: $0.element) }
            issues = imported.issues
        }
        guard issues.isEmpty else {
            for issue in issues { console.errorLine(issue.description) }
            console.errorLine("surety diff: \(path) has \(issues.count) unreadable recording(s)")
            return nil
        }
        return exchanges
    }
}
