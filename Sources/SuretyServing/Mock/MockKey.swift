import SuretyConformance
import SuretyHTTPCore

/// What makes two requests "the same" for the mock: the method, the path, the query in any order and the body.
///
/// Paging parameters are kept apart so that item `i` of a list is the same item whatever page it is fetched in.
/// The key is compared as a value (the body cache's key); its text forms, which seed generation, are only built
/// when a body is generated.
struct MockKey: Sendable, Hashable {
    private let method: String
    private let path: String
    /// The query's `name=value` pairs, sorted.
    private let query: [String]
    /// A digest of the body.
    private let digest: UInt64
    private let queryItems: [HTTPQueryItem]

    static let pagingNames: Set<String> = ["offset", "count", "extended"]

    init(request: HTTPRequest, routed: RoutedRequest) {
        method = routed.endpoint.method
        path = request.path
        digest = Self.fnv1a(request.body)
        queryItems = routed.queryItems
        query = queryItems.isEmpty ? [] : Self.pairs(queryItems)
    }

    /// Method, path, the whole sorted query and the body's digest: the seed of a generated body.
    var whole: String { "\(method) \(path)?\(query.joined(separator: "&"))#\(digest)" }

    /// The same without `offset`, `count` and `extended`: one simulated collection (built only for lists).
    var collection: String {
        let paging = Self.pairs(queryItems.filter { !Self.pagingNames.contains($0.name) })
        return "\(method) \(path)?\(paging.joined(separator: "&"))#\(digest)"
    }

    private static func pairs(_ items: [HTTPQueryItem]) -> [String] {
        items.map { "\($0.name)=\($0.value ?? "")" }.sorted()
    }

    static func == (lhs: MockKey, rhs: MockKey) -> Bool {
        lhs.digest == rhs.digest && lhs.path == rhs.path && lhs.method == rhs.method && lhs.query == rhs.query
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(path)
        hasher.combine(query)
        hasher.combine(digest)
    }

    /// FNV-1a over bytes: a stable digest, the same in every process (unlike `Hasher`).
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
