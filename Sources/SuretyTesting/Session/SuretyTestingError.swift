import Foundation

/// Why a session could not be made or a stub could not be pinned.
public enum SuretyTestingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The contract folder cannot be loaded, or has errors.
    case contract(directory: String, problems: [String])
    /// The emulator's fixtures cannot be read or loaded.
    case fixtures(String)
    /// The recordings folder or HAR file cannot be replayed or recorded into.
    case recordings(String)
    /// The stub breaks the contract (and was not pinned with `allowInvalid`).
    case stubRefused(stub: String, violations: [String])

    /// The problem in words, every problem listed.
    public var description: String {
        switch self {
        case .contract(let directory, let problems):
            return "SuretyTesting: the contract in \(directory) cannot be used (pass contractsDirectory:):\n" + problems.joined(separator: "\n")
        case .fixtures(let problem):
            return "SuretyTesting: fixtures not loaded: \(problem)"
        case .recordings(let problem):
            return "SuretyTesting: recordings not usable: \(problem)"
        case .stubRefused(let stub, let violations):
            return (["SuretyTesting: stub \(stub) breaks the contract (pin it with allowInvalid: true to keep it):"]
                + violations.map { "  " + $0 }).joined(separator: "\n")
        }
    }
}
