import Foundation

/// Shortens a printed value for reports: at most `max` characters, the cut marked with `…`, newlines escaped.
enum ValueAbbreviation {
    /// The text, or its first `max - 1` characters and `…`.
    static func abbreviate(_ text: String, max: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
        guard flat.count > max, max > 1 else { return flat }
        return String(flat.prefix(max - 1)) + "…"
    }
}
