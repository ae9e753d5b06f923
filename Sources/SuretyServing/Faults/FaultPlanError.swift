import SuretyJSON

/// Every problem of a faults file that cannot be used, each with its file, line, column and pointer.
public struct FaultPlanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var diagnostics: [Diagnostic]

    /// Wraps the problems found.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One `file:line:col: error: message [at /pointer]` line per problem.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
