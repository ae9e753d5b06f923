/// A path template such as `/policy/{tenantLocator}/transactions/{locator}`, split into segments.
public struct PathTemplate: Sendable, Hashable, CustomStringConvertible {
    /// One segment between slashes.
    public enum Segment: Sendable, Hashable {
        /// Matches exactly this text.
        case literal(String)
        /// Matches any one non-empty segment and captures it under this name.
        case parameter(String)
    }

    /// The template as written.
    public let text: String
    /// The segments after the leading slash.
    public let segments: [Segment]

    /// Parses a template; nil when it does not start with `/` or a segment mixes text and braces.
    public init?(_ text: String) {
        guard text.hasPrefix("/") else { return nil }
        var segments: [Segment] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            if raw.hasPrefix("{") && raw.hasSuffix("}") && raw.count > 2 {
                let name = raw.dropFirst().dropLast()
                guard !Self.hasBrace(name) else { return nil }
                segments.append(.parameter(String(name)))
            } else {
                guard !raw.isEmpty, !Self.hasBrace(raw) else { return nil }
                segments.append(.literal(String(raw)))
            }
        }
        self.text = text
        self.segments = segments
    }

    /// Whether a segment holds `{` or `}`, looked for as bytes (Foundation's substring search was a share of start-up).
    static func hasBrace(_ segment: Substring) -> Bool {
        segment.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
    }

    /// The names of the path parameters, in order.
    public var parameterNames: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { return name } else { return nil } }
    }

    /// The path parameters captured from concrete segments, or nil when the segments do not fit the template.
    public func match(_ concrete: [Substring]) -> [String: String]? {
        guard concrete.count == segments.count else { return nil }
        var captured: [String: String] = [:]
        for (segment, value) in zip(segments, concrete) {
            switch segment {
            case .literal(let text): guard value == text else { return nil }
            case .parameter(let name):
                guard !value.isEmpty else { return nil }
                captured[name] = String(value)
            }
        }
        return captured
    }

    /// Substitutes values for the parameters (missing ones stay as `{name}`).
    public func expand(_ values: [String: String]) -> String {
        "/" + segments.map { segment in
            switch segment {
            case .literal(let text): return text
            case .parameter(let name): return values[name] ?? "{\(name)}"
            }
        }.joined(separator: "/")
    }

    /// The template as written.
    public var description: String { text }
}
