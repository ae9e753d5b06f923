/// Why an admin operation (`POST /__surety/fixtures`) changed nothing.
public enum EmulatorAdminError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The fixtures are wrong or clash with those loaded.
    case fixtures(FixtureErrors)
    /// The state journal could not record the change.
    case notSaved(JournalError)

    /// The underlying error's text.
    public var description: String {
        switch self {
        case .fixtures(let errors): return String(describing: errors)
        case .notSaved(let error): return error.description
        }
    }
}
