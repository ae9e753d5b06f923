import SuretyHTTPCore
import Testing
@testable import SuretyCommands

/// Options whose value is a choice are enums: the scanner accepts exactly their raw values, and usage text lists the
/// words and the defaults from the same constants the code uses.
@Suite("options whose value is a choice")
struct OptionChoiceTests {
    @Test("a choice is read as its enum, its default when absent, and a usage error naming every word otherwise")
    func scannedAsEnums() throws {
        let given = try ArgumentScanner(["--format", "markdown"], options: ["format"], flags: [])
        #expect(try given.choice("format", default: DiffFormat.text) == .markdown)
        let absent = try ArgumentScanner([], options: ["format"], flags: [])
        #expect(try absent.choice("format", default: DiffFormat.defaultFormat) == .text)
        #expect(try absent.choice("format", as: DiffFormat.self) == nil)
        let wrong = try ArgumentScanner(["--format", "yaml"], options: ["format"], flags: [])
        #expect(throws: UsageError("--format must be one of text, json, markdown, got yaml")) {
            try wrong.choice("format", as: DiffFormat.self)
        }
    }

    @Test("usage text lists the enums' words and the defaults the code uses")
    func usageFromTheSameConstants() {
        #expect(RoutesCommand.usage.contains("[--format text|json]"))
        #expect(DiffCommand.usage.contains("[--format text|json|markdown]"))
        #expect(DiffCommand.usage.contains("--fail-on breaking|possibly|any"))
        #expect(GenerateCommand.usage.contains("--count \(GenerateCommand.defaultCount)"))
        #expect(OpenAPICommand.usage.contains("--nullable type-list (default)"))
        #expect(ServeOptions.usage.contains("[--port \(ServeOptions.defaultPort) "))
        #expect(ServeOptions.usage.contains("[--max-header-bytes BYTES (\(HTTPLimits.default.maxHeaderBytes))]"))
        #expect(ServeOptions.usage.contains("[--idle-timeout S (60)]"))
        #expect(CheckCommand.usage.contains("[--coverage summary|full]"))
    }
}
