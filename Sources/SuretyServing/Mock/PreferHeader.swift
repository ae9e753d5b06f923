/// The `Prefer` request header's mock preferences (RFC 7240 syntax, Prism's names): `code=404`, `dynamic=true`,
/// `example=NAME`; preferences separated by commas or semicolons, unknown ones ignored.
struct PreferHeader: Sendable, Hashable {
    /// The status asked for.
    var code: Int?
    /// Whether a fresh random response is wanted instead of the deterministic one.
    var dynamic = false
    /// The named example asked for.
    var example: String?

    init(_ value: String?) {
        guard let value else { return }
        for preference in value.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let parts = preference.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            guard parts.count == 2 else { continue }
            let text = parts[1].hasPrefix("\"") && parts[1].hasSuffix("\"") && parts[1].count >= 2
                ? String(parts[1].dropFirst().dropLast()) : parts[1]
            switch parts[0].lowercased() {
            case "code": code = Int(text)
            case "dynamic": dynamic = text.lowercased() == "true"
            case "example": example = text
            default: continue
            }
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
