import Foundation
import SuretyConformance
import SuretyJSON
import SuretyServing

extension ServeCommand {
    /// Pins every stub document of `directory` (`*.json`, one stub or an array of them, in name order); false after
    /// printing every problem of every file compiler-style (`file:line:col: error: message [at /pointer]`: what
    /// cannot be read, and the contract's violations of what can) with none pinned.
    func loadStubs(from directory: String, into board: StubBoard, checker: ExchangeChecker, console: Console) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            console.errorLine("surety serve: --stubs \(directory): no such folder")
            return false
        }
        var stubs: [Stub] = []
        var problems: [Diagnostic] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let file = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file), data.count <= Self.maxStubFileBytes else {
                problems.append(Diagnostic(.error, file: file, message: "unreadable or over \(Self.maxStubFileBytes) bytes"))
                continue
            }
            let read = StubFile(bytes: Array(data), file: file)
            problems += read.problems(checker: checker)
            stubs += read.entries.map(\.stub)
        }
        guard problems.isEmpty else {
            for problem in problems { console.errorLine(problem.description) }
            console.errorLine("surety serve: --stubs \(directory): \(problems.count) problem\(problems.count == 1 ? "" : "s"), no stub pinned")
            return false
        }
        for stub in stubs.reversed() where board.pin(stub) == nil {
            console.errorLine("surety serve: --stubs: more than \(StubBoard.maxStubs) stubs")
            return false
        }
        return true
    }

    /// The largest stub file `--stubs` reads.
    static let maxStubFileBytes = 1 << 20
}
