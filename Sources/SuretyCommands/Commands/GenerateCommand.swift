import Foundation
import SuretyContracts
import SuretyJSON
import SuretySchemas

/// `surety generate`: seeded example documents of a schema or an endpoint's body, as NDJSON, optionally broken.
struct GenerateCommand: SuretyCommand {
    static let name = "generate"
    static let summary = "write seeded example documents (NDJSON) of a schema or endpoint body, some broken on purpose"
    static let usage = """
        usage: surety generate (--schema NAME | --endpoint ID [--status N] [--request] [--extended])
                               [--count N] [--seed S] [--invalid-rate P] [--optional \(choices(ExampleGenerator.OptionalProperties.self))]
                               [--labels FILE] [-o FILE] [--contracts DIR]
          Defaults: --count \(defaultCount), --seed \(defaultSeed), --invalid-rate 0, --optional \(defaultOptional.rawValue).
        """

    /// Documents written without `--count`.
    static let defaultCount = 10
    /// The seed without `--seed`.
    static let defaultSeed = 1
    /// Which optional properties an example has without `--optional`.
    static let defaultOptional = ExampleGenerator.OptionalProperties.random

    let source: ContractSource
    let target: ValidateCommand.Target
    let count: Int
    let seed: UInt64
    let invalidRate: Double
    let optional: ExampleGenerator.OptionalProperties
    let labels: String?
    let output: String?

    init(arguments: [String]) throws(UsageError) {
        let scanner = try ArgumentScanner(
            arguments, options: ["contracts", "schema", "endpoint", "status", "count", "seed", "invalid-rate", "optional", "labels", "output"],
            flags: ["request", "extended"], shortAliases: ["o": "output"])
        guard scanner.positionals.isEmpty else { throw UsageError("unexpected argument \(scanner.positionals[0])") }
        source = ContractSource(scanner)
        target = try ValidateCommand.target(scanner)
        count = try scanner.integer("count", in: 0...100_000_000) ?? Self.defaultCount
        seed = UInt64(try scanner.integer("seed", in: 0...Int.max) ?? Self.defaultSeed)
        guard let rate = Double(scanner.value("invalid-rate") ?? "0"), (0...1).contains(rate) else {
            throw UsageError("--invalid-rate needs a number from 0 to 1")
        }
        invalidRate = rate
        optional = try scanner.choice("optional", default: Self.defaultOptional)
        labels = scanner.value("labels")
        output = scanner.value("output")
    }

    func run(console: Console) async -> ExitCode {
        guard let contract = source.loadOrReport(console) else { return .failure }
        guard let type = ValidateCommand.resolveOrReport(target, in: contract, command: Self.name, console) else { return .usage }
        let generator = ExampleGenerator(schemas: contract.schemas, optional: optional)
        let mutator = ExampleMutator(schemas: contract.schemas)
        var random = SeededRandom(seed: seed)
        let writer = JSONWriter(style: .compact)
        var documents: [UInt8] = []
        var labelLines: [UInt8] = []
        for index in 0..<count {
            let example = generator.example(of: type, random: &random)
            var document = example
            var label: JSONValue = .object(["line": .integer(index + 1), "valid": true])
            if random.chance(invalidRate), let (broken, site) = mutator.mutate(example, of: type, random: &random) {
                document = broken
                label = .object([
                    "line": .integer(index + 1), "valid": false, "mutation": .string(site.mutation.rawValue),
                    "pointer": .string(site.pointer.description),
                ])
            }
            writer.write(document, into: &documents, depth: 0)
            documents.append(0x0A)
            writer.write(label, into: &labelLines, depth: 0)
            labelLines.append(0x0A)
        }
        do {
            if let labels { try AtomicFile.write(labelLines, to: labels) }
            if let output {
                try AtomicFile.write(documents, to: output)
            } else {
                console.out(String(decoding: documents, as: UTF8.self))
            }
        } catch {
            console.errorLine("surety generate: \(error)")
            return .failure
        }
        return .success
    }
}
