import SuretyConformance
import SuretyContracts

/// The text a test failure shows for an exchange that broke the contract: the request, its status, the endpoint and
/// its place in the contract, then each violation's part, pointer, rule, expected and actual.
enum ViolationReport {
    /// `contract violation: GET /… → 400, endpoint fetchTransaction (policy-transactions.json:12:5)` then one indented
    /// line per error (warnings are left out); nil when the entry has no error.
    static func text(of entry: ViolationLog.Entry, contract: Contract) -> String? {
        let errors = entry.violations.filter(\.isError)
        guard !errors.isEmpty else { return nil }
        var head = "contract violation: \(entry.method) \(entry.target) → \(entry.status)"
        if let id = entry.endpointID {
            head += ", endpoint \(id)"
            if let location = contract.endpoints.first(where: { $0.id == id })?.location { head += " (\(location))" }
        }
        let lines = errors.flatMap { violation in
            ["  " + violation.description + (violation.schemaPath.map { "  [\($0)]" } ?? "")]
                + violation.nestedLines.map { "    " + $0 }
        }
        return ([head] + lines).joined(separator: "\n")
    }
}
