import Testing

/// Gives each test it marks its own ``SuretySession`` (``SuretySession/current`` inside the test), and reports the
/// session's findings to that test when it ends, so tests run in parallel without sharing stubs, state or journal.
public struct SuretyTrait: TestTrait, SuiteTrait, TestScoping {
    /// The mode each test's session answers in.
    public var mode: SuretyMode
    /// The contract folder; nil for ``ContractDirectory/bundled``.
    public var contractsDirectory: String?
    /// What a violation does to the test.
    public var onViolation: ViolationHandling

    /// On a suite, every test of the suite gets its own session.
    public var isRecursive: Bool { true }

    /// Runs the test with a fresh session bound to ``SuretySession/current``, then reports its findings.
    public func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        guard !test.isSuite else { return try await function() }
        let session = try SuretySession(mode, contractsDirectory: contractsDirectory, onViolation: onViolation)
        do {
            try await SuretySession.$current.withValue(session) { try await function() }
        } catch {
            session.reportFindings(sourceLocation: test.sourceLocation)
            throw error
        }
        session.reportFindings(sourceLocation: test.sourceLocation)
    }
}

extension Trait where Self == SuretyTrait {
    /// A Surety session per test in `mode`, over the contract in `contractsDirectory` (nil: the bundled contract).
    public static func surety(_ mode: SuretyMode = .emulate, contractsDirectory: String? = nil,
                              onViolation: ViolationHandling = .fail) -> Self {
        SuretyTrait(mode: mode, contractsDirectory: contractsDirectory, onViolation: onViolation)
    }
}
