import SuretyHTTPCore
import SuretyJSON

extension SecretPolicy {
    /// The bytes a redacted query value is written with unescaped: a query component's and the marker's `[`, `:`, `]`.
    static let markerQueryBytes = PercentEncoding.queryComponent.union(Array("[]:".utf8))

    /// Header fields with every secret one's value replaced by its redacted form; names, order and duplicates kept.
    public func redact(_ fields: HTTPFields) -> HTTPFields {
        HTTPFields(fields.map { field in
            isSecret(field.name) ? HTTPField(name: field.name, value: Self.redacted(field.value)) : field
        })
    }

    /// Query items with every secret parameter's value redacted.
    public func redact(_ query: [HTTPQueryItem]) -> [HTTPQueryItem] {
        query.map { item in
            guard let value = item.value, isSecret(item.name) else { return item }
            return HTTPQueryItem(name: item.name, value: Self.redacted(value))
        }
    }

    /// A request target (`/path?query`) with every secret query value redacted; the rest of the bytes kept.
    public func redact(target: String) -> String {
        guard let mark = target.firstIndex(of: "?") else { return target }
        let pairs = target[target.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "="),
                  let name = HTTPQueryItem.parse(query: pair[..<equals]).first?.name, isSecret(name) else { return String(pair) }
            let value = HTTPQueryItem.parse(query: "v=" + pair[pair.index(after: equals)...]).first?.value ?? ""
            return pair[...equals] + PercentEncoding.encode(Self.redacted(value), allowing: Self.markerQueryBytes)
        }
        return target[...mark] + pairs.joined(separator: "&")
    }

    /// A JSON value with every member of a secret name redacted at any depth (its whole value, as a string); nil
    /// when nothing was secret, so callers keep the original bytes.
    public func redact(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .object(let members):
            var changed = false
            let result = members.map { member -> JSONMember in
                if isSecret(member.key) {
                    let text = member.value.stringValue ?? JSONWriter(style: .compact).string(member.value)
                    let redacted = JSONValue.string(Self.redacted(text))
                    changed = changed || redacted != member.value
                    return JSONMember(key: member.key, value: redacted)
                }
                guard let inner = redact(member.value) else { return member }
                changed = true
                return JSONMember(key: member.key, value: inner)
            }
            return changed ? .object(result) : nil
        case .array(let items):
            let redacted = items.map { redact($0) }
            guard redacted.contains(where: { $0 != nil }) else { return nil }
            return .array(zip(items, redacted).map { $1 ?? $0 })
        default:
            return nil
        }
    }

    /// Body bytes with secret JSON members redacted (written compactly), or the same bytes when they are not JSON or
    /// hold no secret.
    public func redact(body: [UInt8]) -> [UInt8] {
        guard let first = body.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }), first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
              let document = try? JSONParser().parse(body), let redacted = redact(document.value()) else { return body }
        return JSONWriter(style: .compact).bytes(redacted)
    }

    /// A violation whose `actual` is the bare marker when it quotes the value of a secret header, parameter or member.
    public func redact(_ violation: Violation) -> Violation {
        guard violation.pointer.tokens.contains(where: isSecret) else { return violation }
        var result = violation
        result.actual = Self.marker
        return result
    }
}
