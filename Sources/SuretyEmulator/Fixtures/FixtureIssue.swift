import SuretyJSON

/// One problem in a fixtures file, located by file, line:column and JSON Pointer; fixture loading collects them all.
public typealias FixtureIssue = LocatedIssue<FixtureProblem>

/// What is wrong in a fixtures file.
public enum FixtureProblem: IssueReason {
    /// The file could not be read.
    case unreadable(String)
    /// The file is not JSON.
    case syntax(String)
    /// A required member is absent.
    case missing(String)
    /// A value has the wrong JSON type.
    case wrongType(expected: String, actual: String)
    /// A value has the right type but not an accepted form.
    case invalid(expected: String, actual: String)
    /// A locator or name is defined twice (or already exists in the running emulator).
    case duplicate(kind: String, value: String)
    /// A reference to something not defined.
    case unknownReference(kind: String, value: String)
    /// The fixtures would leave a tenant holding more records than ``EmulatorLimits/maxRecordsPerTenant``.
    case overLimit(tenant: String, records: Int, limit: Int)

    /// The problem in words.
    public var message: String {
        switch self {
        case .unreadable(let detail): return "cannot read fixtures: \(detail)"
        case .syntax(let detail): return detail
        case .missing(let key): return "missing required member \"\(key)\""
        case .wrongType(let expected, let actual): return "expected \(expected), found \(actual)"
        case .invalid(let expected, let actual): return "expected \(expected), found \(actual)"
        case .duplicate(let kind, let value): return "duplicate \(kind) \(value)"
        case .unknownReference(let kind, let value): return "unknown \(kind) \(value)"
        case .overLimit(let tenant, let records, let limit):
            return "tenant \(tenant) would hold \(records) records, over the emulator's limit of \(limit) (--max-records)"
        }
    }
}

/// Every problem found in a fixtures file; thrown when there is at least one.
public struct FixtureErrors: Error, Equatable, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var issues: [FixtureIssue]

    /// Wraps the problems found.
    public init(issues: [FixtureIssue]) {
        self.issues = issues
    }

    /// The file an issue names when it was found in fixtures given as values, not read from a file.
    public static let unnamedFile = "<fixtures>"

    /// The same issues, those found in fixtures given as values naming `file` instead (the caller knows the file).
    public func naming(_ file: String) -> FixtureErrors {
        FixtureErrors(issues: issues.map { issue in
            var named = issue
            if named.file == Self.unnamedFile { named.file = file }
            return named
        })
    }

    /// One line per issue.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
