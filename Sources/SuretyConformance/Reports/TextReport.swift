import SuretySchemas

/// Renders a conformance report for a terminal: a table of checks, each failure with its violations, the coverage,
/// and a one-line verdict. Colour (ANSI) only when asked, which callers do only on a terminal without `NO_COLOR`.
public struct TextReport: Sendable {
    /// Whether to use ANSI colours.
    public var colors: Bool
    /// The most properties or values listed on one coverage line before `…and N more`.
    public var maxListedNames: Int
    /// Only the table, the reach, notes and the verdict (`--quiet`).
    public var quiet: Bool
    /// Every never-observed optional property and enum value (`--coverage full`), not only their counts.
    public var fullCoverage: Bool
    /// The backend's base URL, for the `curl` command of each failure; nil writes `$SURETY_BASE_URL`.
    public var baseURL: String?
    /// The most failed checks shown in full; the rest are counted.
    public static let maxShownFailures = 50

    /// Creates a renderer.
    public init(colors: Bool = false, maxListedNames: Int = 12, quiet: Bool = false, fullCoverage: Bool = false, baseURL: String? = nil) {
        self.colors = colors
        self.maxListedNames = maxListedNames
        self.quiet = quiet
        self.fullCoverage = fullCoverage
        self.baseURL = baseURL
    }

    /// The whole summary, ending with a newline.
    public func render(_ report: ConformanceReport) -> String {
        var lines: [String] = []
        let settings = report.tenant.isEmpty ? "" : ", seed \(report.seed), tenant \(report.tenant)"
        lines.append("surety check: \(report.backend)\(settings)\(report.strict ? ", strict" : "")")
        lines.append("")
        lines += table(report)
        let failures = report.failures
        if !failures.isEmpty && !quiet {
            lines.append("")
            lines.append(paint("Failures", .red))
            for result in failures.prefix(Self.maxShownFailures) { lines += failureLines(result) }
            if failures.count > Self.maxShownFailures { lines.append("  …and \(failures.count - Self.maxShownFailures) more failed check(s)") }
        }
        let unreached = report.results.filter { $0.outcome == .unreached }
        if !unreached.isEmpty && !quiet {
            lines.append("")
            lines.append(paint("Unreached", .yellow) + " (neither passed nor failed)")
            for result in unreached.prefix(Self.maxShownFailures) {
                lines.append("  ~ \(result.endpointID ?? "-")  \(result.name)  \(result.method) \(result.target): \(result.unreached ?? "")")
            }
            if unreached.count > Self.maxShownFailures { lines.append("  …and \(unreached.count - Self.maxShownFailures) more") }
        }
        let skipped = report.results.filter { $0.skipped != nil }
        if !skipped.isEmpty && !quiet {
            lines.append("")
            lines.append(paint("Skipped", .yellow))
            for result in skipped { lines.append("  - \(result.endpointID ?? result.target)  \(result.name): \(result.skipped ?? "")") }
        }
        if let reach = report.reach {
            lines.append("")
            lines += reachLines(reach)
        }
        if !quiet {
            lines.append("")
            lines += coverageLines(report)
        }
        if !report.notes.isEmpty {
            lines.append("")
            lines += report.notes.map { "note: " + $0 }
        }
        lines.append("")
        let counts = "\(report.passedCount) passed, \(failures.count) failed, \(report.unreachedCount) unreached, \(report.skippedCount) skipped"
            + (report.warningCount > 0 ? ", \(report.warningCount) warning(s)" : "")
        if report.conforms {
            lines.append(paint("Result: conforms", .green) + " (\(counts))")
        } else if let problem = report.reachProblem, failures.isEmpty {
            lines.append(paint("Result: not checked: \(problem)", .red) + " (\(counts))")
        } else {
            lines.append(paint("Result: \(report.violationCount) violation(s) in \(failures.count) check(s)", .red) + " (\(counts))")
            if let problem = report.reachProblem { lines.append(paint("Also: \(problem)", .red)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A failed check: its request and answer, its violations, and a `curl` command that sends it again.
    func failureLines(_ result: CheckResult) -> [String] {
        let name = result.recordingFile ?? result.name
        var lines = ["  \(paint("✗", .red)) \(result.endpointID ?? "-")  \(name)  \(result.method) \(result.target) → \(result.status.map(String.init) ?? "-")"]
        for violation in result.violations {
            lines.append("      " + violation.description + (violation.schemaPath.map { "  [\($0)]" } ?? ""))
            lines += violation.nestedLines.map { "        " + $0 }
        }
        if let location = result.location { lines.append("      at \(location)") }
        if let exchange = result.exchange {
            if let body = exchange.requestBody { lines.append("      request body: " + ValidationIssue.bounded(body, limit: 300)) }
            if let body = exchange.responseBody { lines.append("      response body: " + ValidationIssue.bounded(body, limit: 300)) }
            lines.append("      reproduce: " + exchange.curl(baseURL: baseURL ?? "$SURETY_BASE_URL"))
        }
        return lines
    }

    /// How many endpoints were reached, and for each one that was not, why.
    func reachLines(_ reach: ReachSummary) -> [String] {
        let bar = reach.minimum.map { ", --min-reached \($0) asks \(reach.requiredCount)" } ?? ""
        var lines = [paint("Reach", .bold) + ": \(reach.reachedCount) of \(reach.inScopeCount) endpoints in scope answered a documented success"
                     + " (\(reach.endpoints.count) in the contract\(bar))"]
        guard !quiet else { return lines }
        for entry in reach.endpoints where entry.inScope && !entry.reached {
            lines.append("  not reached: \(entry.id): \(entry.how)")
        }
        let outOfScope = reach.endpoints.filter { !$0.inScope }
        if !outOfScope.isEmpty {
            let reasons = Dictionary(grouping: outOfScope, by: \.how)
            for reason in reasons.keys.sorted() { lines.append("  not sent (\(reason)): \(reasons[reason]!.count) endpoint(s)") }
        }
        return lines
    }

    /// One row per kind of check: scenarios, valid requests, each negative probe.
    func table(_ report: ConformanceReport) -> [String] {
        var groups: [(String, [CheckResult])] = []
        func add(_ name: String, _ results: [CheckResult]) { if !results.isEmpty { groups.append((name, results)) } }
        add("scenario steps", report.results.filter { $0.scenarioName != nil })
        add("recordings", report.results.filter { $0.recordingFile != nil })
        add("valid requests", report.results.filter { if case .probe = $0.origin { return true } else { return false } })
        for probe in NegativeProbe.allCases {
            add(probe.rawValue, report.results.filter { $0.origin == .negative(probe) })
        }
        add("total", report.results)
        let header = "  " + "check".padded(18) + "runs".leftPadded(7) + "passed".leftPadded(8) + "failed".leftPadded(8)
            + "unreached".leftPadded(11) + "skipped".leftPadded(9)
        var lines = [header]
        for (name, results) in groups {
            let count = { (outcome: CheckResult.Outcome) in results.filter { $0.outcome == outcome }.count }
            let failed = count(.failed)
            let failedText = String(failed).leftPadded(8)
            lines.append("  " + name.padded(18) + String(results.count).leftPadded(7) + String(count(.passed)).leftPadded(8)
                         + (failed > 0 ? paint(failedText, .red) : failedText) + String(count(.unreached)).leftPadded(11)
                         + String(count(.skipped)).leftPadded(9))
        }
        return lines
    }

    func coverageLines(_ report: ConformanceReport) -> [String] {
        let coverage = report.coverage
        var lines = [paint("Coverage", .bold)]
        lines.append("  endpoints: \(coverage.exercisedCount) of \(coverage.endpoints.count) exercised, "
                     + "\(coverage.documentedStatusCount) answered a documented status")
        var counts: [Int: Int] = [:]
        for result in report.results { if let status = result.status { counts[status, default: 0] += 1 } }
        lines.append("  statuses: " + counts.keys.sorted().map { "\($0) ×\(counts[$0]!)" }.joined(separator: ", "))
        let unreached = coverage.endpoints.filter { !$0.answeredDocumentedStatus }.map(\.id)
        if !unreached.isEmpty { lines.append("  no documented status from: " + listed(unreached)) }
        lines.append("  optional properties: \(coverage.neverObservedPropertyCount) of \(coverage.optionalPropertyCount) never observed"
                     + (fullCoverage ? "" : " (coverage, not problems; --coverage full lists them)"))
        for schema in coverage.schemas where !schema.neverObserved.isEmpty && fullCoverage {
            let note = schema.observed ? "" : " (schema never observed)"
            lines.append("    \(schema.name)\(note): " + listed(schema.neverObserved))
        }
        lines.append("  enum values: \(coverage.neverObservedValueCount) of \(coverage.enumValueCount) never observed")
        for item in coverage.enums where !item.neverObserved.isEmpty && fullCoverage {
            lines.append("    \(item.key): " + listed(item.neverObserved))
        }
        return lines
    }

    func listed(_ names: [String]) -> String {
        guard names.count > maxListedNames, !fullCoverage else { return names.joined(separator: ", ") }
        return names.prefix(maxListedNames).joined(separator: ", ") + ", …and \(names.count - maxListedNames) more"
    }

    enum Style: String {
        case red = "31", green = "32", yellow = "33", bold = "1"
    }

    func paint(_ text: String, _ style: Style) -> String {
        colors ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

private extension String {
    func padded(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
