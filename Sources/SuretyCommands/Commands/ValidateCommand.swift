import Foundation
import SuretyContracts
import SuretyJSON
import SuretySchemas

/// `surety validate`: checks JSON documents against a schema or an endpoint's body and lists every violation.
struct ValidateCommand: SuretyCommand {
    static let name = "validate"
    static let summary = "validate JSON (a file, - or NDJSON) against a schema or an endpoint's request or response"
    static let usage = """
        usage: surety validate (--schema NAME | --endpoint ID [--status N] [--request] [--extended]) FILE|-
                               [--ndjson] [--strict] [--format \(choices(OutputFormat.self))] [--timing] [--contracts DIR]
        """

    enum Target: Sendable {
        case schema(String)
        case endpoint(id: String, status: Int, request: Bool, extended: Bool)
    }

    let source: ContractSource
    let target: Target
    let input: String
    let ndjson: Bool
    let strict: Bool
    let format: OutputFormat
    let timing: Bool

    init(arguments: [String]) throws(UsageError) {
        let scanner = try ArgumentScanner(arguments, options: ["contracts", "schema", "endpoint", "status", "format"],
                                          flags: ["request", "extended", "ndjson", "strict", "timing"])
        source = ContractSource(scanner)
        target = try Self.target(scanner)
        guard scanner.positionals.count == 1 else { throw UsageError("name exactly one input: a file, or - for standard input") }
        input = scanner.positionals[0]
        ndjson = scanner.flag("ndjson")
        strict = scanner.flag("strict")
        format = try scanner.choice("format", default: OutputFormat.defaultFormat)
        timing = scanner.flag("timing")
    }

    func run(console: Console) async -> ExitCode {
        guard let contract = source.loadOrReport(console) else { return .failure }
        guard let type = Self.resolveOrReport(target, in: contract, command: Self.name, console) else { return .usage }
        let validator = SchemaValidator(contract: contract, strict: strict)
        guard let reader = LineSource(path: input) else {
            console.errorLine("surety validate: cannot read \(input)")
            return .failure
        }
        var report = ValidationReporter(console: console, json: format.isJSON, ndjson: ndjson, input: input)
        let start = DispatchTime.now().uptimeNanoseconds
        if ndjson {
            var stream = StreamValidator(validator: validator, type: type)
            let ending = reader.forEachLine({ number, line in
                guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { return }
                report.document(line: number, result: stream.validate(line))
            }, oversized: { report.oversized(line: $0, limit: LineSource.maxDocumentBytes) }, afterChunk: { report.output.flush() })
            if let stopped = Self.describe(ending) {
                report.output.flush()
                console.errorLine("surety validate: \(input)\(stopped)")
                return .failure
            }
        } else {
            switch reader.readAll() {
            case .success(let bytes): report.document(line: nil, result: Self.check(bytes, validator, type))
            case .failure(let ending):
                console.errorLine("surety validate: \(input)\(Self.describe(ending) ?? "")")
                return .failure
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        report.finish(timing: timing ? seconds : nil)
        if report.unreadable > 0 && !ndjson { return .failure }
        return report.invalid > 0 ? .findings : .success
    }

    /// Why reading stopped early, after the input's name; nil when every line was read.
    static func describe(_ ending: LineSource.Ending) -> String? {
        switch ending {
        case .endOfInput: return nil
        case .unreadable: return ": cannot read"
        case .tooLarge(let limit): return ": larger than \(limit) bytes, the most one document may have"
        case .unterminated(let line, let bytes):
            return ":\(line): no line break in \(bytes) bytes (over \(LineSource.maxSkippedLineBytes)): not NDJSON; stopped reading"
        }
    }

    /// Parses and validates one document: the issues, or the syntax error.
    static func check(_ bytes: [UInt8], _ validator: SchemaValidator, _ type: TypeRef) -> Result<[ValidationIssue], JSONSyntaxError> {
        do {
            let document = try JSONParser(options: .init(duplicateKeys: .allow)).parse(bytes)
            return .success(validator.validate(document, against: type))
        } catch {
            return .failure(error)
        }
    }

    /// Reads `--schema NAME` or `--endpoint ID [--status N] [--request] [--extended]`.
    static func target(_ scanner: ArgumentScanner) throws(UsageError) -> Target {
        switch (scanner.value("schema"), scanner.value("endpoint")) {
        case (let schema?, nil): return .schema(schema)
        case (nil, let endpoint?):
            return .endpoint(id: endpoint, status: try scanner.integer("status", in: 100...599) ?? 200,
                             request: scanner.flag("request"), extended: scanner.flag("extended"))
        case (nil, nil): throw UsageError("name the type: --schema NAME or --endpoint ID")
        default: throw UsageError("give --schema or --endpoint, not both")
        }
    }

    /// The type a target names, or nil after printing the usage error for `surety COMMAND`.
    static func resolveOrReport(_ target: Target, in contract: Contract, command: String, _ console: Console) -> TypeRef? {
        switch resolve(target, in: contract) {
        case .success(let type): return type
        case .failure(let error):
            console.errorLine("surety \(command): \(error.message)")
            return nil
        }
    }

    /// `unknown schema NAME`, then the close names (or, when none is close, the nearest) and where to see them all.
    static func unknownSchema(_ name: String, in schemas: SchemaSet) -> UsageError {
        let close = schemas.suggestions(for: name)
        let hint = close.isEmpty
            ? "; nearest: " + EditDistance.nearest(to: name, among: schemas.names, limit: maxSuggestedSchemas).joined(separator: ", ")
            : EditDistance.didYouMean(close)
        return UsageError("unknown schema \(name)\(hint) (`surety schemas` lists all \(schemas.schemas.count))")
    }

    /// The most schema names an unknown `--schema` suggests.
    static let maxSuggestedSchemas = 3

    /// The type a target names in the contract, or a usage error with "did you mean" suggestions.
    static func resolve(_ target: Target, in contract: Contract) -> Result<TypeRef, UsageError> {
        switch target {
        case .schema(let name):
            guard contract.schemas[name] != nil else { return .failure(unknownSchema(name, in: contract.schemas)) }
            return .success(.named(name))
        case .endpoint(let id, let status, let request, let extended):
            guard let endpoint = contract.endpoint(id: id) else {
                return .failure(UsageError("unknown endpoint \(id)" + EditDistance.didYouMean(contract.endpointSuggestions(for: id))))
            }
            if request {
                guard let body = endpoint.request else { return .failure(UsageError("\(id) takes no request body")) }
                return .success(body.type)
            }
            guard let type = endpoint.responseType(status: status, extended: extended) else {
                let statuses = endpoint.responses.map { String($0.status) }.joined(separator: ", ")
                return .failure(UsageError("\(id) documents no \(status) response (documented: \(statuses))"))
            }
            return .success(type)
        }
    }
}
