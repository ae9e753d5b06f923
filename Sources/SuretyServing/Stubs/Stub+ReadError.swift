import SuretyJSON

extension Stub {
    /// Every problem of a stub document that cannot be pinned, each with its file, line, column and pointer.
    public struct ReadError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The problems, in file order.
        public var diagnostics: [Diagnostic]

        /// Wraps the problems found.
        public init(diagnostics: [Diagnostic]) {
            self.diagnostics = diagnostics
        }

        /// One `file:line:col: error: message [at /pointer]` line per problem.
        public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    }
}
