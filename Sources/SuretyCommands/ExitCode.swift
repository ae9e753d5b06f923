/// The process exit codes of every Surety command, mapped in one place.
public enum ExitCode: Int32, Sendable {
    /// Success: valid, conforming, no failing difference.
    case success = 0
    /// Findings: the contract was violated, a breaking difference was found, lint found problems.
    case findings = 1
    /// Could not run: a bad contract, unreadable input, an I/O failure.
    case failure = 2
    /// The command line itself was wrong.
    case usage = 64
}

/// A wrong command line, reported with the command's usage and exit code 64.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public var message: String

    /// Creates a usage error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
