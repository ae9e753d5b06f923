import SuretyConformance
import SuretyContracts
import SuretyRecordings

extension CheckCommand {
    /// `surety check --recordings DIR`: judges every recorded request and response with the same checker as a live
    /// run, sending nothing; exit 0 when every recording conforms, 1 on violations, 2 when a file cannot be read
    /// (each such file named with its line, column and pointer).
    func checkRecordings(_ path: String, contract: Contract, console: Console) -> ExitCode {
        let checker = ExchangeChecker(contract: contract, options: .init(strict: options.strict))
        guard let exchanges = RecordingInput.load(path, checker: checker, command: Self.name, console) else { return .failure }
        guard !exchanges.isEmpty else {
            console.errorLine("surety check: \(path) holds no recordings")
            return .failure
        }
        let report = RecordingChecker(checker: checker).report(exchanges, backend: "recordings \(path)")
        return emit(report, contract: contract, console: console)
    }
}
