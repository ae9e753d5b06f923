import SuretyJSON
import SuretySchemas

/// One subcommand of `surety`: its name, its one-line summary and usage, and how it runs.
public protocol SuretyCommand: Sendable {
    /// The word after `surety`.
    static var name: String { get }
    /// One line for `surety help`.
    static var summary: String { get }
    /// The usage lines shown with a usage error.
    static var usage: String { get }
    /// Whether the command reads the contract (its `--help` then says which contract is in use).
    static var readsContract: Bool { get }
    /// Parses the arguments after the command word.
    init(arguments: [String]) throws(UsageError)
    /// Runs and returns the exit code.
    func run(console: Console) async -> ExitCode
}

extension SuretyCommand {
    /// Most commands read the contract.
    public static var readsContract: Bool { true }
}

/// The `surety` command line: finds the subcommand, runs it, and maps usage errors to exit 64.
public enum CommandLineTool {
    /// Every subcommand, in the order `surety help` lists them.
    public static let commands: [any SuretyCommand.Type] = [
        LintCommand.self, RoutesCommand.self, SchemasCommand.self, OpenAPICommand.self, ValidateCommand.self, GenerateCommand.self, ServeCommand.self,
        CheckCommand.self, DiffCommand.self, HARCommand.self, JSONCheckCommand.self,
    ]

    /// Runs `surety` with the arguments after the program name.
    public static func run(_ arguments: [String], console: Console) async -> ExitCode {
        guard let word = arguments.first, word != "help", word != "--help", word != "-h" else {
            console.line(help)
            return arguments.isEmpty ? .usage : .success
        }
        if word == "--version" {
            console.line("surety \(version)")
            return .success
        }
        guard let command = commands.first(where: { $0.name == word }) else {
            let nearest = EditDistance.nearest(to: word, among: commands.map { $0.name }, maxDistance: 2)
            let hint = EditDistance.didYouMean(nearest.map { [$0] } ?? [])
            console.errorLine("surety: unknown command \(word)\(hint)")
            console.errorLine(help)
            return .usage
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.line(command.usage)
            if command.readsContract {
                let source = ContractSource(arguments: rest)
                console.line(source.origin(console)?.description ?? "contract: none (pass --contracts DIR or set $\(ContractSource.environmentVariable))")
            }
            return .success
        }
        do {
            let instance = try command.init(arguments: rest)
            return await instance.run(console: console)
        } catch {
            console.errorLine("surety \(word): \(error.message)")
            console.errorLine(command.usage)
            return .usage
        }
    }

    /// The version `surety --version` prints.
    public static let version = "0.14.0"

    /// The overview `surety help` prints.
    public static var help: String {
        var text = "surety: contract testing and mock serving for the insurance platform API\n\nCommands:\n"
        for command in commands {
            text += "  " + command.name.padding(to: 10) + command.summary + "\n"
        }
        text += "\nRun `surety COMMAND --help` for a command's options. Exit codes: 0 ok, 1 findings, 2 could not run, 64 usage."
        return text
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
