import SuretyContracts
import SuretyJSON
import SuretySchemas

/// Checks fixture jobs against the contract: each job, as the emulator would answer it, must be valid in its kind's
/// schema, strictly (a member the schema lacks is a mistake, not an extension), so that no response built from a
/// fixture breaks the contract. Issues point into the fixtures file.
public struct JobFixtureCheck {
    let validator: SchemaValidator

    /// A check against `contract`'s schemas.
    public init(contract: Contract) {
        validator = SchemaValidator(contract: contract, strict: true)
    }

    /// Every problem of every fixture job, in file order.
    public func issues(in fixtures: EmulatorFixtures) -> [FixtureIssue] {
        fixtures.tenants.flatMap(\.jobs).flatMap { seed in
            let job = seed.makeJob(at: Timestamp(seconds: 0), user: "00000000-0000-4000-8000-000000000000")
            return validator.validate(job.rendered, against: .named(seed.kind.schemaName)).filter { $0.severity == .error }.map { issue in
                let inData = issue.rule == .required || (issue.pointer.tokens.first.map { key in job.data.contains { $0.key == key } } ?? false)
                let pointer = JSONPointer(tokens: seed.pointer.tokens + (inData ? ["data"] : []) + issue.pointer.tokens)
                let reason: FixtureProblem = issue.rule == .required
                    ? .missing(issue.pointer.tokens.last ?? "")
                    : .invalid(expected: "\(issue.expected) (\(seed.kind.schemaName), rule \(issue.rule.rawValue))", actual: issue.actual)
                return FixtureIssue(file: seed.file, position: seed.position, pointer: pointer, reason: reason)
            }
        }
    }

    /// Throws every problem found, when there is one.
    public func check(_ fixtures: EmulatorFixtures) throws(FixtureErrors) {
        let found = issues(in: fixtures)
        if !found.isEmpty { throw FixtureErrors(issues: found) }
    }
}
