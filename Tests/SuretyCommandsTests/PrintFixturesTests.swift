import Foundation
import SuretyEmulator
import SuretyTestSupport
import Testing
@testable import SuretyCommands

@Suite struct PrintFixturesTests {
    @Test("serve --emulate --print-fixtures writes the built-in fixtures as canonical JSON that loads back")
    func printsTheBuiltInFixtures() async throws {
        let result = await surety(["serve", "--emulate", "--print-fixtures"])
        #expect(result.code == .success)
        let fixtures = try EmulatorFixtures.load(bytes: Array(result.out.utf8), file: "printed")
        #expect(fixtures.tenants.count == 2)
        #expect(fixtures.tokens.count == 5)
        #expect(result.out.hasPrefix("{\n  \"tenants\": ["))
    }

    @Test("the example fixtures file in docs/ is the printed built-in fixtures")
    func exampleFileIsCurrent() async throws {
        let result = await surety(["serve", "--emulate", "--print-fixtures"])
        let example = try String(contentsOfFile: TestRepository.root + "/docs/fixtures.example.json", encoding: .utf8)
        #expect(example == result.out)
    }

    @Test("--print-fixtures goes with --emulate")
    func needsEmulate() async {
        let result = await surety(["serve", "--print-fixtures"])
        #expect(result.code == .usage)
        #expect(result.err.contains("--print-fixtures goes with --emulate"))
    }

    @Test("--print-fixtures with a broken --fixtures file reports it and prints nothing")
    func brokenFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("broken-fixtures-\(UUID().uuidString).json").path
        try Data(#"{"tenants": [{"locator": "x"}]}"#.utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = await surety(["serve", "--emulate", "--fixtures", file, "--print-fixtures"])
        #expect(result.code == .failure)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("error:"))
    }
}
