import Foundation
import Testing
@testable import SuretyCommands

@Suite("surety serve --faults reports every mistake of the file at once, each with its line and column")
struct ServeFaultsFileTests {
    @Test("a faults file with three mistakes names all three, file:line:col and pointer, and serve does not start")
    func everyMistakeLocated() async throws {
        let path = NSTemporaryDirectory() + "surety-faults-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("""
            {"default": {"failRate": 2},
             "endpoints": {"fetchTransactoin": {},
                           "fetchTerm": {"failStatus": 404}}}

            """.utf8).write(to: URL(fileURLWithPath: path))
        let result = await surety(["serve", "--port", "0", "--faults", path] + contractsArgument)
        #expect(result.code == .failure)
        #expect(result.err == """
            \(path):1:26: error: expected a number from 0 to 1 [at /default/failRate]
            \(path):2:16: error: unknown endpoint id; did you mean fetchTransaction, priceTransaction, resetTransaction? [at /endpoints/fetchTransactoin]
            \(path):3:44: error: expected a 5xx status [at /endpoints/fetchTerm/failStatus]

            """)
    }
}
