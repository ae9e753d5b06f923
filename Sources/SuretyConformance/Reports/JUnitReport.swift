/// Renders a conformance report as JUnit XML for CI systems: one test case per endpoint and check, failures
/// carrying each violation's pointer, expected and actual value.
///
/// Scenario steps form the suite `scenarios` (class name `scenario.NAME`); recorded exchanges the suite `recordings`
/// (class name the endpoint id, test name the file); probes form the suite `endpoints` (class name the endpoint id,
/// test name the check); endpoints no exchange reached appear as skipped.
public enum JUnitReport {
    /// The XML document; with `includingTimings` false every `time` is 0, so the bytes depend only on the run.
    public static func render(_ report: ConformanceReport, includingTimings: Bool = true) -> String {
        let scenarioResults = report.results.filter { $0.scenarioName != nil }
        let recordingResults = report.results.filter { $0.recordingFile != nil }
        let probeResults = report.results.filter { $0.scenarioName == nil && $0.recordingFile == nil }
        let exercised = Set(report.results.compactMap(\.endpointID))
        let unreached = report.coverage.endpoints.filter { !exercised.contains($0.id) }.map(\.id)
        var cases: [(suite: String, text: String, failed: Bool, skipped: Bool, nanoseconds: UInt64)] = []
        for result in scenarioResults {
            cases.append(("scenarios", testcase(result, className: "scenario.\(result.scenarioName ?? "")", includingTimings: includingTimings),
                          result.failed, result.skipped != nil, result.nanoseconds))
        }
        for result in recordingResults {
            cases.append(("recordings", testcase(result, className: result.endpointID ?? "unrouted", includingTimings: includingTimings),
                          result.failed, result.skipped != nil, result.nanoseconds))
        }
        for result in probeResults {
            cases.append(("endpoints", testcase(result, className: result.endpointID ?? "unrouted", includingTimings: includingTimings),
                          result.failed, result.skipped != nil, result.nanoseconds))
        }
        for id in unreached {
            let text = "    <testcase classname=\"\(XMLText.escape(id))\" name=\"exercised\" time=\"0\">\n"
                + "      <skipped message=\"no exchange reached this endpoint\"/>\n    </testcase>\n"
            cases.append(("endpoints", text, false, true, 0))
        }
        let total = cases.count
        let failures = cases.filter(\.failed).count
        let skipped = cases.filter(\.skipped).count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"surety check\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\""
            + " time=\"\(seconds(report.nanoseconds, includingTimings))\">\n"
        for suite in ["scenarios", "recordings", "endpoints"] {
            let members = cases.filter { $0.suite == suite }
            guard !members.isEmpty else { continue }
            let time = members.reduce(UInt64(0)) { $0 &+ $1.nanoseconds }
            xml += "  <testsuite name=\"\(suite)\" tests=\"\(members.count)\" failures=\"\(members.filter(\.failed).count)\""
                + " errors=\"0\" skipped=\"\(members.filter(\.skipped).count)\" time=\"\(seconds(time, includingTimings))\">\n"
            for member in members { xml += member.text }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    static func testcase(_ result: CheckResult, className: String, includingTimings: Bool) -> String {
        let name = result.recordingFile ?? (result.scenarioName == nil ? result.name : "\(result.name) (\(result.endpointID ?? result.target))")
        var text = "    <testcase classname=\"\(XMLText.escape(className))\" name=\"\(XMLText.escape(name))\""
            + " time=\"\(seconds(result.nanoseconds, includingTimings))\">\n"
        if let reason = result.skipped {
            text += "      <skipped message=\"\(XMLText.escape(reason))\"/>\n"
        } else if result.failed {
            let errors = result.violations.filter(\.isError)
            let first = errors.first.map { "\($0.part.rawValue) \($0.pointer): \($0.rule.rawValue)" } ?? ""
            text += "      <failure message=\"\(XMLText.escape("\(errors.count) violation(s); first: \(first)"))\" type=\"contract\">"
            var lines = ["\(result.method) \(result.target) answered \(result.status.map(String.init) ?? "nothing")"]
            for violation in result.violations {
                lines.append("\(violation.severity.rawValue): in \(violation.part.rawValue) at \(violation.pointer.tokens.isEmpty ? "(root)" : violation.pointer.description)"
                             + ": \(violation.rule.rawValue): expected \(violation.expected), actual \(violation.actual)"
                             + (violation.schemaPath.map { " [\($0)]" } ?? ""))
                lines += violation.nestedLines.map { "  " + $0 }
            }
            text += XMLText.escape(lines.joined(separator: "\n")) + "</failure>\n"
        }
        text += "    </testcase>\n"
        return text
    }

    static func seconds(_ nanoseconds: UInt64, _ include: Bool) -> String {
        guard include else { return "0" }
        let micros = nanoseconds / 1_000
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
