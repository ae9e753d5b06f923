import SuretyConformance
import SuretyHTTPCore

/// What makes two requests "the same" for the mock: the method, the path, the query in any order and the body.
///
/// Paging parameters are kept apart so that item `i` of a list is the same item whatever page it is fetched in.
struct MockKey: Sendable {
    /// Method, path, the whole sorted query and a digest of the body.
    var whole: String
    /// The same without `offset`, `count` and `extended`: one simulated collection (built only for lists).
    var collection: String {
        let paging = queryItems.filter { !Self.pagingNames.contains($0.name) }.map { "\($0.name)=\($0.value ?? "")" }.sorted()
        return "\(base)?\(paging.joined(separator: "&"))#\(digest)"
    }
    private let base: String
    private let digest: UInt64
    private let queryItems: [HTTPQueryItem]

    static let pagingNames: Set<String> = ["offset", "count", "extended"]

    init(request: HTTPRequest, routed: RoutedRequest) {
        base = "\(routed.endpoint.method) \(request.path)"
        digest = Self.fnv1a(request.body)
        queryItems = routed.queryItems
        let sorted = queryItems.map { "\($0.name)=\($0.value ?? "")" }.sorted()
        whole = "\(base)?\(sorted.joined(separator: "&"))#\(digest)"
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
