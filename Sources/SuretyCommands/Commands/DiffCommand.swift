import Foundation
import SuretyContracts
import SuretyConformance
import SuretyJSON
import SuretyRecordings

/// `surety diff`: what changed between two recordings (folders or HAR files), and which changes break clients.
struct DiffCommand: SuretyCommand {
    static let name = "diff"
    static let summary = "compare two recordings (folders or HAR files) and classify every difference"
    static var usage: String { synopsis + "\n" + rules }

    /// Every rule with its severity, one a line.
    static var rules: String {
        "  Rules and their severities (--fail-on \(choices(DiffFailureThreshold.self)) picks which fail):\n"
            + DiffRule.allCases.map { "    " + $0.rawValue.padding(to: 30) + $0.severity.label }.joined(separator: "\n")
    }

    static let synopsis = """
        usage: surety diff OLD NEW [--exact] [--ignore POINTER]... [--ignore-file FILE]... [--format \(choices(DiffFormat.self))]
                                   [--fail-on \(choices(DiffFailureThreshold.self))] [--host NAME] [--contracts DIR]
          --format defaults to \(DiffFormat.defaultFormat.rawValue), --fail-on to \(Self.defaultThreshold.rawValue).
          An ignore file holds one pointer pattern per line (# comments); \(IgnoreFile.defaultName) beside OLD or NEW
          is read without a flag.
        """

    /// Which differences fail the run without `--fail-on`.
    static let defaultThreshold = DiffFailureThreshold.breaking

    let source: ContractSource
    let old: String
    let new: String
    let options: RecordingDiff.Options
    let format: DiffFormat
    let failOn: DiffFailureThreshold
    let host: String?
    let ignoreFiles: [String]

    init(arguments: [String]) throws(UsageError) {
        let scanner = try ArgumentScanner(arguments, options: ["contracts", "ignore", "ignore-file", "format", "fail-on", "host"], flags: ["exact"])
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
        format = try scanner.choice("format", default: DiffFormat.defaultFormat)
        failOn = try scanner.choice("fail-on", default: Self.defaultThreshold)
        host = scanner.values["host"]?.last
        ignoreFiles = scanner.values["ignore-file"] ?? []
    }

    func run(console: Console) async -> ExitCode {
        guard let contract = source.loadOrReport(console) else { return .failure }
        let checker = ExchangeChecker(contract: contract)
        guard let oldExchanges = RecordingInput.load(old, checker: checker, command: Self.name, host: host, console),
              let newExchanges = RecordingInput.load(new, checker: checker, command: Self.name, host: host, console) else {
            return .failure
        }
        guard let ignored = DiffIgnoreFiles.load(explicit: ignoreFiles, beside: [old, new], console) else { return .failure }
        var options = options
        options.ignoredPointers += ignored
        let report = RecordingDiff(contract: contract, options: options).compare(old: oldExchanges, new: newExchanges)
        switch format {
        case .json: console.out(String(decoding: report.jsonBytes, as: UTF8.self))
        case .markdown: console.out(report.markdown)
        case .text: console.out(report.text(colors: console.colorsOutput))
        }
        return report.failingCount(failOn) > 0 ? .findings : .success
    }
}
