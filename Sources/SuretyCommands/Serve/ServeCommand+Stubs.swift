import Foundation
import SuretyConformance
import SuretyJSON
import SuretyServing

extension ServeCommand {
    /// Pins every stub document of `directory` (`*.json`, one stub or an array of them, in name order); false after
    /// printing every problem (`file: /pointer: message`, or the contract's violations) with none pinned.
    func loadStubs(from directory: String, into board: StubBoard, checker: ExchangeChecker, console: Console) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            console.errorLine("surety serve: --stubs \(directory): no such folder")
            return false
        }
        var stubs: [Stub] = []
        var problems: [String] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let file = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file), data.count <= Self.maxStubFileBytes else {
                problems.append("\(file): unreadable or over \(Self.maxStubFileBytes) bytes")
                continue
            }
            let document: JSONValue
            do { document = try JSONParser().parse(Array(data)).value() } catch {
                problems.append("\(file):\(error.line):\(error.column): \(error.message)")
                continue
            }
            let items = document.arrayValue ?? [document]
            for (index, item) in items.enumerated() {
                do throws(Stub.ReadError) {
                    let stub = try Stub(json: item)
                    let violations = StubCheck.violations(of: stub, checker: checker)
                    if !violations.isEmpty && !stub.allowInvalid {
                        problems += violations.map { "\(file)#\(index): \($0) (\"allowInvalid\": true pins it anyway)" }
                    } else {
                        stubs.append(stub)
                    }
                } catch {
                    problems.append("\(file)#\(index): \(error)")
                }
            }
        }
        guard problems.isEmpty else {
            for problem in problems { console.errorLine("surety serve: --stubs: \(problem)") }
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
