import Foundation

extension DiffReport {
    /// The largest Markdown report, in bytes: GitHub refuses pull-request comments over 65,536 characters.
    public static let maxMarkdownBytes = 65_536
    /// How many distinct locations a Markdown row names before `+N more`.
    public static let maxMarkdownLocations = 3

    /// The report as a pull-request comment, at most ``maxMarkdownBytes``: a summary line, then one table per endpoint,
    /// breaking first, with one row per rule counting its differences and showing the first as an example.
    public var markdown: String { markdown(maxBytes: Self.maxMarkdownBytes) }

    /// The Markdown report cut to `maxBytes`: the endpoints that do not fit are left out and counted in a last line.
    func markdown(maxBytes: Int) -> String {
        let header = "### Recording diff\n\n" + summary + "\n"
        let groups = byEndpoint
        let sections = groups.map { Self.section($0.endpoint, $0.exchanges) }
        let whole = header + sections.joined()
        guard whole.utf8.count > maxBytes else { return whole }
        var text = header
        var bytes = header.utf8.count
        var shown = 0
        while shown < sections.count {
            let footer = Self.footer(groups[(shown + 1)...].map(\.exchanges.count))
            let sectionBytes = sections[shown].utf8.count
            guard bytes + sectionBytes + footer.utf8.count <= maxBytes else { break }
            text += sections[shown]
            bytes += sectionBytes
            shown += 1
        }
        text += Self.footer(groups[shown...].map(\.exchanges.count))
        guard text.utf8.count > maxBytes else { return text }
        return String(decoding: text.utf8.prefix(maxBytes), as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\u{FFFD}"))
    }

    /// `… 12 more endpoints (40 exchanges with differences) not shown; `--format json` lists them all.`, or nothing.
    private static func footer(_ exchangeCounts: some Collection<Int>) -> String {
        let endpoints = exchangeCounts.count, exchanges = exchangeCounts.reduce(0, +)
        guard endpoints > 0 else { return "" }
        return "\n… \(endpoints) more endpoint\(endpoints == 1 ? "" : "s") (\(exchanges) exchange\(exchanges == 1 ? "" : "s") with differences) not shown;"
            + " `--format json` lists them all.\n"
    }

    /// One endpoint's table: a row per rule, most severe first, with its count, locations and first example.
    private static func section(_ endpoint: String, _ exchanges: [ExchangeDiff]) -> String {
        var rows: [DiffRule: (count: Int, locations: [String], example: (request: String, difference: Difference))] = [:]
        var order: [DiffRule] = []
        for exchange in exchanges {
            for difference in exchange.differences {
                if rows[difference.rule] == nil {
                    order.append(difference.rule)
                    rows[difference.rule] = (0, [], (exchange.request, difference))
                }
                rows[difference.rule]?.count += 1
                if rows[difference.rule]?.locations.contains(difference.location) == false { rows[difference.rule]?.locations.append(difference.location) }
            }
        }
        var lines = ["", "#### `\(escape(endpoint))`", "", "| severity | rule | count | locations | example |", "|---|---|---|---|---|"]
        for rule in order.enumerated().sorted(by: { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }).map(\.element) {
            guard let row = rows[rule] else { continue }
            var locations = row.locations.prefix(maxMarkdownLocations).map { "`\(escape($0))`" }.joined(separator: ", ")
            if row.locations.count > maxMarkdownLocations { locations += " +\(row.locations.count - maxMarkdownLocations) more" }
            let example = "`\(escape(row.example.request))`: `\(escape(row.example.difference.old))` → `\(escape(row.example.difference.new))`"
            lines.append("| \(rule.severity.label) | `\(rule.rawValue)` | \(row.count) | \(locations) | \(example) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Keeps a value inside its table cell and code span.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'")
    }
}
