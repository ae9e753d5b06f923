/// One `name=value` pair of a request-target's query, percent-decoded.
public struct HTTPQueryItem: Sendable, Hashable {
    /// The decoded name.
    public var name: String
    /// The decoded value, or `nil` when the pair had no `=`.
    public var value: String?

    /// Creates a query item.
    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }

    /// Splits a raw query on `&` and decodes each pair, in order; `+` decodes to a space as in HTML forms.
    ///
    /// Empty pairs (`a=1&&b=2`) are skipped; malformed percent escapes are kept literally.
    public static func parse(query: some StringProtocol) -> [HTTPQueryItem] {
        let bytes = Array(query.utf8)
        var items: [HTTPQueryItem] = []
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                items.append(HTTPQueryItem(
                    name: PercentDecoding.decode(pair[pair.startIndex..<equals], plusIsSpace: true),
                    value: PercentDecoding.decode(pair[(equals + 1)...], plusIsSpace: true)
                ))
            } else {
                items.append(HTTPQueryItem(name: PercentDecoding.decode(pair, plusIsSpace: true), value: nil))
            }
        }
        return items
    }
}
