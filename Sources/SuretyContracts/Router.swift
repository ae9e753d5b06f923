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
    public func route(method: String, path: String) -> Match {
        let segments = Self.segments(of: path)
        var candidates: [Int] = []
        root.collect(segments[...], into: &candidates)
        // `candidates` lists matching templates most specific first. As in OpenAPI, the most specific path is the
        // match ("concrete paths are matched before templated ones"), and then the method is looked up on it: a
        // method only a less specific template has is 405, not a silent fall-through to that template.
        if let best = candidates.first {
            let template = endpoints[best].path
            let sameTemplate = candidates.filter { endpoints[$0].path == template }
            if let winner = sameTemplate.first(where: { endpoints[$0].method == method }) {
                let endpoint = endpoints[winner]
                return .endpoint(endpoint, parameters: endpoint.path.match(segments) ?? [:])
            }
            return .methodNotAllowed(allowed: Array(Set(sameTemplate.map { endpoints[$0].method })).sorted())
        }
        return .notFound(nearest: nearest(to: segments, limit: 3))
    }

    /// Every endpoint whose template fits `path`, most specific first (for ambiguity checks).
    public func candidates(forPath path: String) -> [Endpoint] {
        var found: [Int] = []
        root.collect(Self.segments(of: path)[...], into: &found)
        return found.map { endpoints[$0] }
    }

    /// The path's segments after the leading slash, percent-decoded.
    ///
    /// Split on the bytes (a `/` is ASCII), since splitting by `Character` cost most of routing on the serve profile.
    public static func segments(of path: String) -> [Substring] {
        let utf8 = path.utf8
        let slash = UInt8(ascii: "/")
        var start = utf8.first == slash ? utf8.index(after: utf8.startIndex) : utf8.startIndex
        var segments: [Substring] = []
        func add(_ segment: Substring) {
            segments.append(segment.utf8.contains(UInt8(ascii: "%")) ? Substring(PercentDecoding.decode(segment)) : segment)
        }
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == slash {
                add(path[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        add(path[start..<utf8.endIndex])
        return segments
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

/// A trie over path segments: literal children by text, one parameter child, and endpoints ending here.
struct TrieNode: Sendable {
    var literals: [Substring: TrieNode] = [:]  // Substring keys: looking a segment up allocates nothing
    var parameter: [TrieNode] = []
    var endpoints: [Int] = []

    mutating func insert(_ segments: ArraySlice<PathTemplate.Segment>, endpoint: Int) {
        guard let first = segments.first else {
            endpoints.append(endpoint)
            return
        }
        switch first {
        case .literal(let text):
            literals[Substring(text), default: TrieNode()].insert(segments.dropFirst(), endpoint: endpoint)
        case .parameter:
            if parameter.isEmpty { parameter.append(TrieNode()) }
            parameter[0].insert(segments.dropFirst(), endpoint: endpoint)
        }
    }

    /// Appends every endpoint whose template fits, literal branches before the parameter branch at each level.
    func collect(_ segments: ArraySlice<Substring>, into found: inout [Int]) {
        guard let first = segments.first else {
            found += endpoints
            return
        }
        if let literal = literals[first] { literal.collect(segments.dropFirst(), into: &found) }
        if !first.isEmpty, let parameterNode = parameter.first { parameterNode.collect(segments.dropFirst(), into: &found) }
    }
}

/// Percent-decoding of one path segment (RFC 3986 §2.1); malformed escapes are kept as written.
enum PercentDecoding {
    static func decode(_ segment: Substring) -> String {
        guard segment.utf8.contains(UInt8(ascii: "%")) else { return String(segment) }  // bytes: `contains("%")` is Foundation's slow search
        var bytes: [UInt8] = []
        var utf8 = Array(segment.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let high = hex(utf8[utf8.startIndex]), let low = hex(utf8[utf8.startIndex + 1]) {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
