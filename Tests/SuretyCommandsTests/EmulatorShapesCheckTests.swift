import Testing
@testable import SuretyCommands

/// The emulator's answers carry exactly the contract's shapes: `surety check --strict` in-process finds no
/// property the contract does not declare.
@Suite("surety check --strict against the emulator")
struct EmulatorShapesCheckTests {
    @Test("in-process with --strict, every response carries only declared properties and the run conforms")
    func strictConforms() async throws {
        let result = try await check(["--strict"])
        #expect(!result.out.contains("unknownProperty"), "\(result.out)")
        #expect(result.out.contains("endpoints: 77 of 77 exercised, "))
        #expect(result.code == .success, "\(result.out)")
    }
}
