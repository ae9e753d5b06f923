/// Renders a conformance report for a terminal: a table of checks, each failure with its violations, the coverage,
/// and a one-line verdict. Colour (ANSI) only when asked, which callers do only on a terminal without `NO_COLOR`.
public struct TextReport: Sendable {
    /// Whether to use ANSI colours.
    public var colors: Bool
    /// The most properties or values listed on one coverage line before `…and N more`.
    public var maxListedNames: Int

    /// Creates a renderer.
    public init(colors: Bool = false, maxListedNames: Int = 12) {
        self.colors = colors
        self.maxListedNames = maxListedNames
    }

    /// The whole summary, ending with a newline.
    public func render(_ report: ConformanceReport) -> String {
        var lines: [String] = []
        let settings = report.tenant.isEmpty ? "" : ", seed \(report.seed), tenant \(report.tenant)"
        lines.append("surety check: \(report.backend)\(settings)\(report.strict ? ", strict" : "")")
        lines.append("")
        lines += table(report)
        let failures = report.failures
        if !failures.isEmpty {
            lines.append("")
            lines.append(paint("Failures", .red))
            for result in failures {
                let name = result.recordingFile ?? result.name
                lines.append("  \(paint("✗", .red)) \(result.endpointID ?? "-")  \(name)  \(result.method) \(result.target) → \(result.status.map(String.init) ?? "-")")
                for violation in result.violations {
                    lines.append("      " + violation.description + (violation.schemaPath.map { "  [\($0)]" } ?? ""))
                    lines += violation.nestedLines.map { "        " + $0 }
                }
            }
        }
        let skipped = report.results.filter { $0.skipped != nil }
        if !skipped.isEmpty {
            lines.append("")
            lines.append(paint("Skipped", .yellow))
            for result in skipped { lines.append("  - \(result.endpointID ?? result.target)  \(result.name): \(result.skipped ?? "")") }
        }
        lines.append("")
        lines += coverageLines(report)
        lines.append("")
        if report.conforms {
            lines.append(paint("Result: conforms", .green) + " (\(report.passedCount) checks passed, \(report.skippedCount) skipped"
                         + (report.warningCount > 0 ? ", \(report.warningCount) warning(s)" : "") + ")")
        } else {
            lines.append(paint("Result: \(report.violationCount) violation(s) in \(failures.count) check(s)", .red))
        }
        return lines.joined(separator: "\n") + "\n"
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
        let header = "  " + "check".padded(18) + "runs".leftPadded(7) + "passed".leftPadded(8) + "failed".leftPadded(8) + "skipped".leftPadded(9)
        var lines = [header]
        for (name, results) in groups {
            let failed = results.filter(\.failed).count
            let skipped = results.filter { $0.skipped != nil }.count
            let passed = results.count - failed - skipped
            let failedText = String(failed).leftPadded(8)
            lines.append("  " + name.padded(18) + String(results.count).leftPadded(7) + String(passed).leftPadded(8)
                         + (failed > 0 ? paint(failedText, .red) : failedText) + String(skipped).leftPadded(9))
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
        lines.append("  optional properties: \(coverage.neverObservedPropertyCount) of \(coverage.optionalPropertyCount) never observed")
        for schema in coverage.schemas where !schema.neverObserved.isEmpty {
            let note = schema.observed ? "" : " (schema never observed)"
            lines.append("    \(schema.name)\(note): " + listed(schema.neverObserved))
        }
        lines.append("  enum values: \(coverage.neverObservedValueCount) of \(coverage.enumValueCount) never observed")
        for item in coverage.enums where !item.neverObserved.isEmpty {
            lines.append("    \(item.key): " + listed(item.neverObserved))
        }
        return lines
    }

    func listed(_ names: [String]) -> String {
        guard names.count > maxListedNames else { return names.joined(separator: ", ") }
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
