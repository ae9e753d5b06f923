import SuretyContracts
import SuretyJSON

/// Renders a report's failures as GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`),
/// each pointing at the endpoint's line in the contract.
public enum GitHubAnnotations {
    /// The most annotations written; the rest are counted in one `::notice`.
    public static let maxAnnotations = 50

    /// One line per error violation of a failed check, pointing at the scenario step that failed or else the
    /// endpoint's line in the contract; an error when the run reached too little; then a notice when some were left
    /// out, naming the report files written (`reports`), if any. File paths under `directory` (the workspace) are
    /// written relative to it, as GitHub expects.
    public static func render(_ report: ConformanceReport, contract: Contract, relativeTo directory: String? = nil,
                              reports: [String] = []) -> [String] {
        var lines: [String] = []
        var omitted = 0
        for result in report.failures {
            let endpoint = result.endpointID.flatMap(contract.endpoint(id:))
            for violation in result.violations where violation.isError {
                guard lines.count < maxAnnotations else {
                    omitted += 1
                    continue
                }
                var properties: [String] = []
                if let location = result.location ?? endpoint?.location {
                    properties.append("file=\(escapeProperty(relative(location.file, to: directory)))")
                    properties.append("line=\(location.position.line)")
                }
                properties.append("title=\(escapeProperty("\(result.endpointID ?? "surety check") \(result.name)"))")
                let message = "\(result.method) \(result.target) → \(result.status.map(String.init) ?? "-"): \(violation.description)"
                    + violation.nestedLines.map { "\n" + $0 }.joined()
                lines.append("::error \(properties.joined(separator: ","))::\(escapeData(message))")
            }
        }
        if let problem = report.reachProblem { lines.append("::error title=surety check::\(escapeData(problem))") }
        if omitted > 0 {
            let see = reports.isEmpty ? "" : "; see \(reports.joined(separator: ", "))"
            lines.append("::notice::\(omitted) more violation(s)\(see)")
        }
        return lines
    }

    /// `path` without the leading `directory/`, when it has it.
    static func relative(_ path: String, to directory: String?) -> String {
        guard let directory, !directory.isEmpty else { return path }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Escapes a command's message (`%`, CR, LF).
    static func escapeData(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// Escapes a property value (also `:` and `,`).
    static func escapeProperty(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

private extension String {
    /// Replaces scalars, not characters, so that `\r\n` (one `Character`) is escaped as two.
    func replacingAll(_ table: [Unicode.Scalar: String]) -> String {
        var result = ""
        for scalar in unicodeScalars {
            if let replacement = table[scalar] { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
