extension DiffReport {
    /// The report for people: endpoints with a breaking difference first, each exchange's differences most severe
    /// first, and a summary line; `colors` paints the severities with ANSI escapes.
    public func text(colors: Bool = false) -> String {
        var lines: [String] = []
        for group in byEndpoint {
            let counts = DiffSeverity.allCases.compactMap { severity -> String? in
                let count = group.exchanges.reduce(0) { $0 + $1.differences.filter { $0.severity == severity }.count }
                return count == 0 ? nil : "\(count) \(severity.label)"
            }
            lines.append("\(group.endpoint): " + counts.joined(separator: ", "))
            for exchange in group.exchanges {
                lines.append("  \(exchange.request)")
                lines.append("    old \(exchange.oldFile ?? "-")  new \(exchange.newFile ?? "-")")
                for difference in exchange.differences {
                    let label = difference.severity.label.padding(toWidth: 18)
                    lines.append("    " + Self.paint(label, difference.severity, colors) + difference.rule.rawValue.padding(toWidth: 30)
                                 + difference.location + ": " + difference.old + " → " + difference.new)
                }
            }
            lines.append("")
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `3 differences in 2 exchanges (1 breaking, 2 compatible); 10 exchanges paired` or `no differences; …`.
    public var summary: String {
        let total = differences.count
        var paired = "\(pairedCount) exchange\(pairedCount == 1 ? "" : "s") paired"
        if newIsEmpty { paired += "; NEW has no exchanges while OLD has \(oldCount)" }
        guard total > 0 else { return "no differences; " + paired }
        let counts = DiffSeverity.allCases.map { "\(count($0)) \($0.label)" }.joined(separator: ", ")
        return "\(total) difference\(total == 1 ? "" : "s") in \(exchanges.count) exchange\(exchanges.count == 1 ? "" : "s") (\(counts)); " + paired
    }

    private static func paint(_ text: String, _ severity: DiffSeverity, _ colors: Bool) -> String {
        guard colors else { return text }
        let code = switch severity {
        case .breaking: "31"
        case .possiblyBreaking: "33"
        case .compatible: "32"
        }
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }
}

extension String {
    /// The string followed by spaces up to `width` characters, or by one space when it is already as long.
    func padding(toWidth width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
