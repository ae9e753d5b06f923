import SuretyConformance
import SuretyHTTPCore
import SuretyJSON

extension RequestMatcher {
    /// What identifies a request for replay (and pairs exchanges in a recording diff): method, route, path
    /// parameters, query as a multiset, chosen headers and the body, all normalised.
    ///
    /// Two requests with equal keys are the same request to replay. ``description`` is stable across processes and
    /// platforms, so it can name, sort and pair exchanges.
    public struct Key: Sendable, Hashable, CustomStringConvertible {
        /// Where a request routed.
        public enum Route: Sendable, Hashable, Comparable, CustomStringConvertible {
            /// An endpoint of the contract, by id.
            case endpoint(String)
            /// No endpoint: the percent-encoded path stands for the route.
            case unrouted(path: String)

            /// The endpoint id, or the path.
            public var description: String {
                switch self {
                case .endpoint(let id): return id
                case .unrouted(let path): return path
                }
            }
        }

        /// A normalised body.
        public enum Body: Sendable, Hashable {
            /// No bytes.
            case none
            /// JSON, canonical: members sorted (the last of repeated keys kept), numbers by value, ignored pointers removed.
            case json(JSONValue)
            /// A UTF-8 body that is not JSON.
            case text(String)
            /// Other bytes.
            case binary([UInt8])

            /// `json`, `text`, `binary` or `none`, for reports.
            public var kind: String {
                switch self {
                case .none: return "none"
                case .json: return "json"
                case .text: return "text"
                case .binary: return "binary"
                }
            }

            /// The bytes the stable description hashes.
            var canonicalBytes: [UInt8] {
                switch self {
                case .none: return []
                case .json(let value): return JSONWriter(style: .compact).bytes(value)
                case .text(let text): return Array(text.utf8)
                case .binary(let bytes): return bytes
                }
            }
        }

        /// One name and value (path parameter, query parameter or header).
        public struct Pair: Sendable, Hashable, Comparable {
            /// The name (header names lower-cased).
            public var name: String
            /// The value; nil for a query parameter without `=`.
            public var value: String?

            /// Creates a pair.
            public init(name: String, value: String?) {
                self.name = name
                self.value = value
            }

            /// By name, then value (absent first).
            public static func < (lhs: Pair, rhs: Pair) -> Bool {
                if lhs.name != rhs.name { return lhs.name < rhs.name }
                switch (lhs.value, rhs.value) {
                case (nil, nil), (_, nil): return false
                case (nil, _): return true
                case let (left?, right?): return left < right
                }
            }
        }

        /// The method token.
        public var method: String
        /// The endpoint, or the path when unrouted.
        public var route: Route
        /// Path parameters, sorted by name.
        public var pathParameters: [Pair]
        /// Query parameters not ignored, sorted by name then value (order of the request does not matter).
        public var query: [Pair]
        /// The headers that take part in matching, names lower-cased, sorted.
        public var headers: [Pair]
        /// The body.
        public var body: Body

        /// Whether two keys are the same request to replay: every part equal.
        public static func == (lhs: Key, rhs: Key) -> Bool {
            KeyComparisons.counter?.increment()
            return lhs.method == rhs.method && lhs.route == rhs.route && lhs.pathParameters == rhs.pathParameters
                && lhs.query == rhs.query && lhs.headers == rhs.headers && lhs.body == rhs.body
        }

        /// Hashes every part that ``==`` compares.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(method)
            hasher.combine(route)
            hasher.combine(pathParameters)
            hasher.combine(query)
            hasher.combine(headers)
            hasher.combine(body)
        }

        /// `GET fetchJob {jobLocator=01J…} ?count=10&offset=0 [accept=application/json] body:json:1a2b3c4d5e6f7a8b`.
        public var description: String {
            var text = "\(method) \(route)"
            if !pathParameters.isEmpty { text += " {" + pathParameters.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: ", ") + "}" }
            if !query.isEmpty {
                text += " ?" + query.map { pair in pair.value.map { QueryEncoding.encode(pair.name) + "=" + QueryEncoding.encode($0) } ?? QueryEncoding.encode(pair.name) }
                    .joined(separator: "&")
            }
            if !headers.isEmpty { text += " [" + headers.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: ", ") + "]" }
            if body != .none { text += " body:\(body.kind):" + StableHash(body.canonicalBytes).hex() }
            return text
        }
    }
}

/// Counts key comparisons in the current task, so tests can prove a lookup compares O(1) keys, not one per recording.
enum KeyComparisons {
    /// A thread-safe count.
    final class Counter: Sendable {
        private let count = Locked(0)
        func increment() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    /// The counter of the current task; nil (the default) counts nothing.
    @TaskLocal static var counter: Counter?
}
