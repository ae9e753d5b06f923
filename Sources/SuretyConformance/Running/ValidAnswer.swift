import SuretyContracts

/// How a backend's answer to a request the contract accepts is judged, beyond its shape: a documented success is
/// reached; a refusal of the run's token, or a 404 for something the backend itself handed out, is a failure (a 5xx
/// is already the checker's `status` violation, as no endpoint documents one); a 404 for a locator the runner
/// invented, or a business refusal of a generated write, is unreached.
///
/// This is what keeps a run from being green by accident: a backend that answers 401 to everything, or a base URL
/// whose every request is 404, reaches nothing, and a run that reaches nothing fails.
struct ValidAnswer {
    /// A path value of the request and where it came from.
    struct PathValue {
        var name: String
        var value: String
        var kind: String?
        /// Where the value was found; nil when the runner invented it.
        var source: String?
    }

    /// The verdict: violations that fail the check, or why it reached nothing (neither pass nor fail).
    var violations: [Violation] = []
    var unreached: String?

    /// Judges `status` for a valid request to `endpoint` whose path values are `values`.
    /// `generatedBody` says the request's body was made up by the runner, so a 404 may be about what it names.
    init(endpoint: Endpoint, status: Int, values: [PathValue], hasToken: Bool, problemText: String?, generatedBody: Bool = false) {
        let detail = problemText.map { ": \($0)" } ?? ""
        if endpoint.documents(status: status), (200...299).contains(status) { return }
        switch status {
        case 401, 403:
            let hint = hasToken ? "the run's token should be allowed" : "the run sent no token (--token)"
            violations = [Violation(part: .status, rule: .refused, expected: "a documented success (\(hint))", actual: String(status) + detail)]
        case 404:
            if generatedBody {
                unreached = "404 for a generated body, which names things the runner made up\(detail)"
            } else if let invented = values.first(where: { $0.source == nil }) {
                let kind = invented.kind.map { "no \($0) locator was seen" } ?? "the runner made it up"
                unreached = "404 for \(invented.name)=\(invented.value), which the runner invented: \(kind)"
            } else if let last = values.last(where: { $0.name != "tenantLocator" }), !Self.isAbout(endpoint, last.name) {
                unreached = "404 for a sub-resource of \(last.kind ?? last.name) \(last.value) (found at \(last.source ?? "?")): the backend may have none for it"
            } else {
                let what = values.last.map { "\($0.kind ?? $0.name) \($0.value), which the backend handed out (found at \($0.source ?? "?"))" }
                    ?? "the endpoint, which takes no locator"
                violations = [Violation(part: .status, rule: .notFound, expected: "a documented success for \(what)", actual: "404" + detail)]
            }
        case 400 where endpoint.method == "GET":
            violations = [Violation(part: .status, rule: .refused, expected: "a documented success for a request the contract accepts",
                                    actual: "400" + detail)]
        default:
            if (200...299).contains(status) { return } // an undocumented 2xx is the checker's `status` violation
            unreached = "answered \(status)\(detail)"
        }
    }

    /// Whether the endpoint answers about the entity the parameter names (the parameter ends the path, or it is a
    /// list of that reference), so that a 404 for a known locator is wrong rather than a missing sub-resource.
    static func isAbout(_ endpoint: Endpoint, _ parameter: String) -> Bool {
        var segments = endpoint.path.segments
        if segments.last == .literal("list") { segments.removeLast() }
        if segments.last == .parameter(parameter) { return true }
        if endpoint.list != nil, case .parameter(let name)? = segments.dropLast().last, name == parameter { return true }
        return false
    }
}

extension Violation.Rule {
    /// A request the contract accepts was refused: 401 or 403 with the run's token, or 400 for a valid read.
    public static let refused = Violation.Rule(rawValue: "refused")
    /// A 404 for a locator the backend itself handed out.
    public static let notFound = Violation.Rule(rawValue: "notFound")
}
