import SuretyServing
import Testing
@testable import SuretyCommands

/// `surety serve`'s CORS options: any origin on loopback by default, none elsewhere, `--cors` to restrict,
/// `--no-cors` to turn it off.
@Suite("surety serve --cors")
struct ServeCORSOptionsTests {
    func options(_ arguments: [String]) throws -> ServeOptions {
        try ServeOptions(try ArgumentScanner(arguments, options: ServeOptions.valueOptions, flags: ServeOptions.flags))
    }

    @Test("on loopback any origin is allowed by default; on another address none")
    func defaults() throws {
        #expect(try options([]).cors == .anyOrigin)
        #expect(try options(["--host", "::1"]).cors == .anyOrigin)
        #expect(try options(["--host", "0.0.0.0"]).cors == .off)
    }

    @Test("--cors names the origins allowed, --no-cors turns CORS off, and a path or a missing scheme is refused")
    func explicit() throws {
        #expect(try options(["--cors", "http://localhost:3000", "--cors", "https://app.example"]).cors
                == .only(["http://localhost:3000", "https://app.example"]))
        #expect(try options(["--host", "0.0.0.0", "--cors", "https://app.example"]).cors == .only(["https://app.example"]))
        #expect(try options(["--no-cors"]).cors == .off)
        #expect(throws: UsageError.self) { try options(["--no-cors", "--cors", "http://a.example"]) }
        #expect(throws: UsageError.self) { try options(["--cors", "app.example"]) }
        #expect(throws: UsageError.self) { try options(["--cors", "https://app.example/path"]) }
    }
}
