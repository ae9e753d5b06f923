import SuretyJSON
import SuretySchemas

/// Finds the endpoint for a method and a concrete path by the specificity rule: at each segment a literal beats a
/// parameter, deciding from the leftmost segment on.
///
/// It tells "no such path" (404, with the nearest routes) from "the path exists but not for this method" (405, with
/// the methods that exist).
public struct Router: Sendable {
    /// What routing a request found.
    public enum Match: Sendable, Equatable {
        /// The endpoint and the path parameters captured from the path.
        case endpoint(Endpoint, parameters: [String: String])
        /// The path exists, but not with this method; the methods it has, sorted.
        case methodNotAllowed(allowed: [String])
        /// No template fits the path; up to three nearest routes.
        case notFound(nearest: [Endpoint])
    }

    /// Every endpoint, in contract order.
    public let endpoints: [Endpoint]
    private let root: TrieNode

    /// Builds the router.
    public init(endpoints: [Endpoint]) {
        self.endpoints = endpoints
        var root = TrieNode()
        for (index, endpoint) in endpoints.enumerated() {
            root.insert(endpoint.path.segments[...], endpoint: index)
        }
        self.root = root
    }

    /// Routes a method and a path (without query; segments are percent-decoded here).
    ///
    /// Works on the path's bytes: the walk allocates only the segment table and, for the winner, its parameters.
    public func route(method: String, path: String) -> Match {
        let concrete = ConcretePath(path)
        // The first node the walk reaches holds the most specific matching template. As in OpenAPI, the most
        // specific path is the match ("concrete paths are matched before templated ones"), and then the method is
        // looked up on it: a method only a less specific template has is 405, not a silent fall-through to it.
        guard let node = root.firstMatch(concrete, depth: 0), let best = node.endpoints.first else {
            return .notFound(nearest: nearest(to: concrete.substrings, limit: 3))
        }
        let template = endpoints[best].path
        let sameTemplate = node.endpoints.filter { endpoints[$0].path == template }
        if let winner = sameTemplate.first(where: { endpoints[$0].method == method }) {
            let endpoint = endpoints[winner]
            return .endpoint(endpoint, parameters: concrete.captures(of: endpoint.path))
        }
        return .methodNotAllowed(allowed: Array(Set(sameTemplate.map { endpoints[$0].method })).sorted())
    }

    /// Every endpoint whose template fits `path`, most specific first (for ambiguity checks).
    public func candidates(forPath path: String) -> [Endpoint] {
        var found: [Int] = []
        root.collect(ConcretePath(path), depth: 0, into: &found)
        return found.map { endpoints[$0] }
    }

    /// The path's segments after the leading slash, percent-decoded.
    public static func segments(of path: String) -> [Substring] {
        ConcretePath(path).substrings
    }

    /// Ranks endpoints by how many segments differ from the path, then by text distance.
    func nearest(to segments: [Substring], limit: Int) -> [Endpoint] {
        let path = "/" + segments.joined(separator: "/")
        return endpoints.enumerated().map { index, endpoint -> (Int, Int, Int) in
            let template = endpoint.path.segments
            var mismatches = abs(template.count - segments.count) * 2
            for (segment, value) in zip(template, segments) {
                if case .literal(let text) = segment, text != value { mismatches += 1 }
            }
            return (mismatches, EditDistance.between(endpoint.path.text, path), index)
        }
        .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        .prefix(limit)
        .map { endpoints[$0.2] }
    }
}

/// A trie over path segments: literal children by their bytes, one parameter child, and endpoints ending here.
struct TrieNode: Sendable {
    var literals: [(text: [UInt8], node: TrieNode)] = []  // few per node: a scan of bytes beats hashing a key
    var parameter: [TrieNode] = []
    var endpoints: [Int] = []

    mutating func insert(_ segments: ArraySlice<PathTemplate.Segment>, endpoint: Int) {
        guard let first = segments.first else {
            endpoints.append(endpoint)
            return
        }
        switch first {
        case .literal(let text):
            let bytes = Array(text.utf8)
            if let index = literals.firstIndex(where: { $0.text == bytes }) {
                literals[index].node.insert(segments.dropFirst(), endpoint: endpoint)
            } else {
                var child = TrieNode()
                child.insert(segments.dropFirst(), endpoint: endpoint)
                literals.append((bytes, child))
            }
        case .parameter:
            if parameter.isEmpty { parameter.append(TrieNode()) }
            parameter[0].insert(segments.dropFirst(), endpoint: endpoint)
        }
    }

    /// The first node with endpoints that the path reaches, literal branches before the parameter branch at each
    /// level: the node of the most specific fitting template.
    func firstMatch(_ path: ConcretePath, depth: Int) -> TrieNode? {
        guard depth < path.count else { return endpoints.isEmpty ? nil : self }
        if let literal = literal(for: path, at: depth), let found = literal.firstMatch(path, depth: depth + 1) { return found }
        guard !path.isEmpty(depth), let parameterNode = parameter.first else { return nil }
        return parameterNode.firstMatch(path, depth: depth + 1)
    }

    /// Appends every endpoint whose template fits, in the order of ``firstMatch(_:depth:)``.
    func collect(_ path: ConcretePath, depth: Int, into found: inout [Int]) {
        guard depth < path.count else {
            found += endpoints
            return
        }
        if let literal = literal(for: path, at: depth) { literal.collect(path, depth: depth + 1, into: &found) }
        if !path.isEmpty(depth), let parameterNode = parameter.first { parameterNode.collect(path, depth: depth + 1, into: &found) }
    }

    private func literal(for path: ConcretePath, at depth: Int) -> TrieNode? {
        literals.first { path.segment(depth, equals: $0.text) }?.node
    }
}

/// A concrete path split after its leading slash into percent-decoded segments, kept as ranges of one byte buffer.
struct ConcretePath {
    private var bytes: [UInt8]
    private var ranges: [Range<Int>] = []

    init(_ path: String) {
        bytes = Array(path.utf8)
        ranges.reserveCapacity(8)
        let slash = UInt8(ascii: "/")
        var start = bytes.first == slash ? 1 : 0
        for index in start..<bytes.count where bytes[index] == slash {
            ranges.append(start..<index)
            start = index + 1
        }
        ranges.append(start..<bytes.count)
        if bytes.contains(UInt8(ascii: "%")) { decodeSegments() }
    }

    /// Rewrites `bytes` with each segment percent-decoded, after splitting, so `%2F` stays inside its segment.
    private mutating func decodeSegments() {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var decodedRanges: [Range<Int>] = []
        for range in ranges {
            let start = decoded.count
            decoded += PercentDecoding.decode(bytes[range])
            decodedRanges.append(start..<decoded.count)
        }
        bytes = decoded
        ranges = decodedRanges
    }

    /// The number of segments.
    var count: Int { ranges.count }

    /// Whether segment `index` is empty (a parameter never matches an empty segment).
    func isEmpty(_ index: Int) -> Bool { ranges[index].isEmpty }

    /// Whether segment `index` is exactly `text`.
    func segment(_ index: Int, equals text: [UInt8]) -> Bool {
        let range = ranges[index]
        guard range.count == text.count else { return false }
        return bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[range]).elementsEqual(text) }
    }

    /// Segment `index` as text.
    func string(_ index: Int) -> String { String(decoding: bytes[ranges[index]], as: UTF8.self) }

    /// Every segment as text.
    var substrings: [Substring] { ranges.indices.map { Substring(string($0)) } }

    /// The values of `template`'s parameters, by name; the template is known to fit.
    func captures(of template: PathTemplate) -> [String: String] {
        var captured = [String: String](minimumCapacity: template.segments.count)
        for (index, segment) in template.segments.enumerated() {
            if case .parameter(let name) = segment { captured[name] = string(index) }
        }
        return captured
    }
}

/// Percent-decoding of one path segment (RFC 3986 §2.1); malformed escapes are kept as written.
enum PercentDecoding {
    /// Decodes one segment's bytes.
    static func decode(_ segment: ArraySlice<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        var utf8 = segment
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let high = hex(utf8[utf8.startIndex]), let low = hex(utf8[utf8.startIndex + 1]) {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }

    static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
