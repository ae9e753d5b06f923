import SuretyHTTPCore

/// Verdicts on responses already checked, so that a body that repeats (a mock's, a replay's) is parsed and validated
/// once rather than on every exchange.
///
/// With the checker fixed, a response's violations depend only on the endpoint, the status, the content type, the
/// list shape asked for (`extended`), whether the request was HEAD, and the body. The key holds all of them and
/// compares the body byte for byte (its digest only picks the bucket), so a body that differs in one byte is checked
/// afresh. Bounded in entries and in kept body bytes: when a bound is reached the cache starts over, which loses
/// nothing but time. Bodies larger than ``maxBodyBytes`` are never kept.
///
/// **Same buffer, same bytes.** A mock or a replay hands out the very array it keeps, so most repeats arrive in the
/// buffer already judged. Each verdict is also filed under its body's buffer address, and the entry holds that
/// array: while it is held the buffer can be neither freed (so no other buffer has its address) nor written (an
/// array shared by two holders is copied before it changes), so a hit by address is a hit by content, found without
/// reading the bytes.
///
/// **One checker.** The first checker to ask owns the cache; any other is checked every time and nothing of its is
/// kept, so a strict and a tolerant checker can never be served each other's verdicts.
///
/// The mutable state is one value behind the package's lock (`Locked`): a lookup takes the lock once, a miss once more
/// to keep what it found.
public final class ResponseVerdictCache: Sendable {
    /// Everything but the body that a verdict depends on.
    struct Shape: Hashable {
        var endpointID: String
        var status: Int
        var contentType: String?
        var extended: Bool
        var isHead: Bool
    }

    /// A verdict's key by content.
    struct Key: Hashable {
        var shape: Shape
        var body: [UInt8]

        func hash(into hasher: inout Hasher) {
            hasher.combine(shape)
            body.withUnsafeBytes { hasher.combine(bytes: $0) }  // in one pass, not byte by byte
        }
    }

    /// A verdict's key by the body's buffer; valid only while the entry holds that buffer (`Pinned.body`).
    struct BufferKey: Hashable {
        var shape: Shape
        var address: UInt
        var count: Int
    }

    /// A verdict filed by buffer, with the body whose buffer it names.
    struct Pinned {
        var violations: [Violation]
        var body: [UInt8]
    }

    /// The most verdicts kept.
    public let maxEntries: Int
    /// The most body bytes kept over all entries.
    public let maxKeptBytes: Int
    /// Bodies larger than this are checked every time.
    public let maxBodyBytes: Int
    private let state = Locked(State())

    /// Creates an empty cache; the defaults keep at most 1,024 verdicts and 8 MiB of bodies, each at most 256 KiB.
    public init(maxEntries: Int = 1_024, maxKeptBytes: Int = 8 << 20, maxBodyBytes: Int = 256 << 10) {
        self.maxEntries = max(1, maxEntries)
        self.maxKeptBytes = maxKeptBytes
        self.maxBodyBytes = maxBodyBytes
    }

    /// The violations of `response` to `routed` as `checker` judges them: the verdict kept for the same key, or what
    /// `check` finds (then kept, when `checker` owns the cache).
    public func violations(of response: HTTPResponse, to routed: RoutedRequest, by checker: ExchangeChecker,
                           check: () -> [Violation]) -> [Violation] {
        guard response.body.count <= maxBodyBytes else { return check() }
        let shape = Shape(endpointID: routed.endpoint.id, status: response.status.code, contentType: response.headers["Content-Type"],
                          extended: routed.wantsExtended, isHead: routed.isHead)
        let bufferKey = BufferKey(shape: shape, address: Self.address(of: response.body), count: response.body.count)
        let key = Key(shape: shape, body: response.body)
        enum Lookup { case foreign, kept([Violation]), absent }
        let lookup = state.withLock { state -> Lookup in
            if state.owner == nil { state.owner = checker.identity }
            guard state.owner === checker.identity else { return .foreign }
            if let pinned = state.byBuffer[bufferKey] { return .kept(pinned.violations) }
            guard let kept = state.verdicts[key] else { return .absent }
            state.pin(kept, key: bufferKey, body: response.body, maxEntries: maxEntries, maxKeptBytes: maxKeptBytes)
            return .kept(kept)
        }
        switch lookup {
        case .foreign: return check()
        case .kept(let violations): return violations
        case .absent: break
        }
        let found = check()
        state.withLock { state in
            if state.verdicts.count >= maxEntries || state.keptBytes + 2 * key.body.count > maxKeptBytes { state.removeAll() }
            if state.verdicts.updateValue(found, forKey: key) == nil { state.keptBytes += key.body.count }
            state.pin(found, key: bufferKey, body: response.body, maxEntries: maxEntries, maxKeptBytes: maxKeptBytes)
        }
        return found
    }

    private static func address(of body: [UInt8]) -> UInt {
        body.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    /// Forgets every verdict (`POST /__surety/reset`); the owner stays.
    public func reset() {
        state.withLock { state in
            state.verdicts.removeAll()
            state.byBuffer.removeAll()
            state.keptBytes = 0
        }
    }

    /// How many verdicts are kept.
    public var count: Int {
        state.withLock { $0.verdicts.count }
    }

    /// How many body bytes the kept verdicts hold, counting a body filed both by content and by buffer twice.
    public var keptByteCount: Int {
        state.withLock { $0.keptBytes }
    }
}
