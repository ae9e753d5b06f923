import Foundation

extension DiffReport {
    /// The report as a pull-request comment: a summary line, then one table per endpoint, breaking first.
    public var markdown: String {
        var lines = ["### Recording diff", "", summary]
        for group in byEndpoint {
            lines += ["", "#### `\(Self.escape(group.endpoint))`", "", "| severity | rule | request | location | old | new |", "|---|---|---|---|---|---|"]
            for exchange in group.exchanges {
                for difference in exchange.differences {
                    let cells = [difference.severity.label, "`\(difference.rule.rawValue)`", "`\(Self.escape(exchange.request))`",
                                 "`\(Self.escape(difference.location))`", "`\(Self.escape(difference.old))`", "`\(Self.escape(difference.new))`"]
                    lines.append("| " + cells.joined(separator: " | ") + " |")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Keeps a value inside its table cell and code span.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'")
    }
}
