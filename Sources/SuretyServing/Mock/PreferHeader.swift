/// The `Prefer` request header's mock preferences (RFC 7240 syntax, Prism's names): `code=404`, `dynamic=true`,
/// `example=NAME`; preferences separated by commas or semicolons, unknown ones ignored (RFC 7240 §2), a known one
/// whose value cannot be read kept in ``unreadable`` so the mock can refuse it by name.
struct PreferHeader: Sendable, Hashable {
    /// The status asked for.
    var code: Int?
    /// Whether a fresh random response is wanted instead of the deterministic one.
    var dynamic = false
    /// The named example asked for.
    var example: String?
    /// The first known preference whose value cannot be honoured as written (`code=abc`, `code=600`, `dynamic=maybe`).
    var unreadable: String?

    /// The statuses `code=` may ask for.
    static let codes = 100...599

    init(_ value: String?) {
        guard let value else { return }
        for preference in value.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let parts = preference.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            guard parts.count == 2 else { continue }
            let text = parts[1].hasPrefix("\"") && parts[1].hasSuffix("\"") && parts[1].count >= 2
                ? String(parts[1].dropFirst().dropLast()) : parts[1]
            switch parts[0].lowercased() {
            case "code":
                guard let value = Int(text), Self.codes.contains(value) else {
                    unreadable = unreadable ?? "code=\(text.prefix(40))"
                    continue
                }
                code = value
            case "dynamic":
                guard ["true", "false"].contains(text.lowercased()) else {
                    unreadable = unreadable ?? "dynamic=\(text.prefix(40))"
                    continue
                }
                dynamic = text.lowercased() == "true"
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
