import SuretyHTTPCore
import SuretyJSON

/// Makes the exchanges of one batch share the storage of their equal parts: header fields, path parameter values,
/// and in JSON bodies every equal string, object and array.
///
/// A folder's recordings repeat themselves: the same endpoints answer the same shapes, with the same tenant,
/// settings and member names. Held as independent trees, 50,000 exchanges per side took `diff` past 500 MB; an equal
/// subtree met again is replaced by the one met first, so it is held once. Nothing changes but where the values live.
/// Each node is hashed once, from its children's hashes, and equal children already share storage, so comparing a
/// candidate with the one held costs one level, not the whole subtree.
struct ExchangeInterner {
    private var strings = Interner<String>()
    private var values = Interner<HashedValue>()
    private var fields = Interner<HTTPFields>()

    /// The exchange with its equal parts shared with those of the exchanges interned before.
    mutating func intern(_ exchange: Exchange) -> Exchange {
        var exchange = exchange
        exchange.request.headers = intern(exchange.request.headers)
        exchange.response.headers = intern(exchange.response.headers)
        exchange.request.body = intern(exchange.request.body)
        exchange.response.body = intern(exchange.response.body)
        exchange.pathParameters = exchange.pathParameters.mapValues { intern($0) }
        return exchange
    }

    /// The header fields shared with equal ones interned before.
    mutating func intern(_ fields: HTTPFields) -> HTTPFields {
        self.fields.intern(fields)
    }

    /// The text shared with an equal one interned before; a short string, held inside its value, is left alone.
    mutating func intern(_ text: String) -> String {
        text.utf8.count > Self.inlineStringBytes ? strings.intern(text) : text
    }

    private mutating func intern(_ body: RecordedBody) -> RecordedBody {
        switch body {
        case .json(let value): return .json(intern(value).value)
        case .formattedJSON(let value, let text): return .formattedJSON(intern(value).value, text: text)
        default: return body
        }
    }

    /// Strings short enough to live inside the value (15 UTF-8 bytes on 64-bit platforms) have no storage to share.
    private static let inlineStringBytes = 15

    /// The shared value exactly equal to `value`, and its hash (computed from the exact bytes of its strings).
    private mutating func intern(_ value: JSONValue) -> HashedValue {
        var hasher = Hasher()
        switch value {
        case .string(let text):
            text.exactHash(into: &hasher)
            return HashedValue(value: .string(intern(text)), hash: hasher.finalize())
        case .array(let elements):
            hasher.combine(1)
            let shared = elements.map { element -> JSONValue in
                let child = intern(element)
                hasher.combine(child.hash)
                return child.value
            }
            return values.intern(HashedValue(value: .array(shared), hash: hasher.finalize()))
        case .object(let members):
            hasher.combine(2)
            let shared = members.map { member -> JSONMember in
                let child = intern(member.value)
                member.key.exactHash(into: &hasher)
                hasher.combine(child.hash)
                return JSONMember(key: intern(member.key), value: child.value)
            }
            return values.intern(HashedValue(value: .object(shared), hash: hasher.finalize()))
        case .null, .bool, .number:
            hasher.combine(value)
            return HashedValue(value: value, hash: hasher.finalize())
        }
    }
}

/// A JSON value with the hash computed from its children's, so that a set of values hashes each node once.
private struct HashedValue: ExactlyHashable {
    var value: JSONValue
    var hash: Int

    func exactHash(into hasher: inout Hasher) { hasher.combine(hash) }

    func isExactly(_ other: HashedValue) -> Bool { hash == other.hash && Self.same(value, other.value) }

    /// Exact equality (strings by their bytes, numbers by their literal); children that are already shared are
    /// recognised by their storage, so comparing two interned candidates costs one level.
    static func same(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(left), .string(right)):
            return left.isExactly(right)
        case let (.array(left), .array(right)):
            guard left.count == right.count else { return false }
            if sharesStorage(left, right) { return true }
            return zip(left, right).allSatisfy { same($0, $1) }
        case let (.object(left), .object(right)):
            guard left.count == right.count else { return false }
            if sharesStorage(left, right) { return true }
            return zip(left, right).allSatisfy { $0.key.isExactly($1.key) && same($0.value, $1.value) }
        case (.string, _), (.array, _), (.object, _):
            return false
        default:
            return lhs == rhs
        }
    }

    private static func sharesStorage<Element>(_ lhs: [Element], _ rhs: [Element]) -> Bool {
        lhs.withUnsafeBufferPointer { left in rhs.withUnsafeBufferPointer { right in left.baseAddress == right.baseAddress } }
    }
}
