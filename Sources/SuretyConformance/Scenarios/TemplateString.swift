import SuretyJSON

/// A text with `{{name}}` references to captured values, such as `"{{transactionLocator}}"` or `"v-{{n}}"`.
///
/// Names are letters, digits, `_`, `.`, `-` and a leading `$` for built-ins. `{{` without a closing `}}` is literal.
public struct TemplateString: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// A piece of a template.
    public enum Part: Sendable, Hashable {
        /// Literal text.
        case text(String)
        /// A reference to a captured value.
        case reference(String)
    }

    /// The pieces in order.
    public let parts: [Part]

    /// Parses a template.
    public init(_ text: String) {
        var parts: [Part] = []
        var rest = text[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces()
            guard TemplateString.isName(name) else {
                parts.append(.text(String(rest[..<close.upperBound])))
                rest = rest[close.upperBound...]
                continue
            }
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            parts.append(.reference(name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = TemplateString.merged(parts)
    }

    /// Parses a template literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The names referred to, in order.
    public var references: [String] {
        parts.compactMap { if case .reference(let name) = $0 { return name } else { return nil } }
    }

    /// The single reference when the template is exactly `{{name}}`.
    public var soleReference: String? {
        if parts.count == 1, case .reference(let name) = parts[0] { return name }
        return nil
    }

    /// The text with each reference replaced by `lookup`'s text, or nil when a reference has no value.
    public func render(_ lookup: (String) -> String?) -> String? {
        var text = ""
        for part in parts {
            switch part {
            case .text(let literal): text += literal
            case .reference(let name):
                guard let value = lookup(name) else { return nil }
                text += value
            }
        }
        return text
    }

    /// The template as written.
    public var description: String {
        parts.map { part -> String in
            switch part {
            case .text(let literal): return literal
            case .reference(let name): return "{{\(name)}}"
            }
        }.joined()
    }

    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return false }
        let body = first == "$" ? name.unicodeScalars.dropFirst() : name.unicodeScalars[...]
        return !body.isEmpty && body.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.-".unicodeScalars.contains(scalar))
        }
    }

    private static func merged(_ parts: [Part]) -> [Part] {
        var result: [Part] = []
        for part in parts {
            if case .text(let next) = part, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(part)
            }
        }
        return result
    }
}

private extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
