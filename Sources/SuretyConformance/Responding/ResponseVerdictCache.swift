import Foundation
import SuretyHTTPCore

/// Verdicts on responses already checked, so that a body that repeats (a mock's, a replay's) is parsed and validated
/// once rather than on every exchange.
///
/// With the checker's options fixed, a response's violations depend only on the endpoint, the status, the content
/// type, the list shape asked for (`extended`), whether the request was HEAD, and the body. The key holds all of
/// them and compares the body byte for byte (its digest only picks the bucket), so a body that differs in one byte
/// is checked afresh. Bounded in entries and in kept body bytes: when a bound is reached the cache starts over, which
/// loses nothing but time. Bodies larger than ``maxBodyBytes`` are never kept.
///
/// The key does not name the checker, so one cache must serve responders with the same checker only (one contract,
/// one set of options), as ``ValidatingResponder`` and a serve stack use it: a strict and a tolerant checker sharing
/// it would be served each other's verdicts.
///
/// `@unchecked Sendable` is safe: `verdicts` and `keptBytes` are only touched while `lock` is held.
public final class ResponseVerdictCache: @unchecked Sendable {
    struct Key: Hashable {
        var endpointID: String
        var status: Int
        var contentType: String?
        var extended: Bool
        var isHead: Bool
        var body: [UInt8]

        func hash(into hasher: inout Hasher) {
            hasher.combine(endpointID)
            hasher.combine(status)
            hasher.combine(contentType)
            hasher.combine(extended)
            hasher.combine(isHead)
            body.withUnsafeBytes { hasher.combine(bytes: $0) }  // in one pass, not byte by byte
        }
    }

    /// The most verdicts kept.
    public let maxEntries: Int
    /// The most body bytes kept over all entries.
    public let maxKeptBytes: Int
    /// Bodies larger than this are checked every time.
    public let maxBodyBytes: Int
    private let lock = NSLock()
    private var verdicts: [Key: [Violation]] = [:]
    private var keptBytes = 0

    /// Creates an empty cache; the defaults keep at most 1,024 verdicts and 8 MiB of bodies, each at most 256 KiB.
    public init(maxEntries: Int = 1_024, maxKeptBytes: Int = 8 << 20, maxBodyBytes: Int = 256 << 10) {
        self.maxEntries = max(1, maxEntries)
        self.maxKeptBytes = maxKeptBytes
        self.maxBodyBytes = maxBodyBytes
    }

    /// The violations of `response` to `routed`: the verdict kept for the same key, or what `check` finds (then kept).
    public func violations(of response: HTTPResponse, to routed: RoutedRequest, check: () -> [Violation]) -> [Violation] {
        guard response.body.count <= maxBodyBytes else { return check() }
        let key = Key(endpointID: routed.endpoint.id, status: response.status.code, contentType: response.headers["Content-Type"],
                      extended: routed.wantsExtended, isHead: routed.isHead, body: response.body)
        if let kept = lock.withLock({ verdicts[key] }) { return kept }
        let found = check()
        lock.withLock {
            if verdicts.count >= maxEntries || keptBytes + key.body.count > maxKeptBytes {
                verdicts.removeAll(keepingCapacity: true)
                keptBytes = 0
            }
            if verdicts.updateValue(found, forKey: key) == nil { keptBytes += key.body.count }
        }
        return found
    }

    /// Forgets every verdict (`POST /__surety/reset`).
    public func reset() {
        lock.withLock {
            verdicts.removeAll()
            keptBytes = 0
        }
    }

    /// How many verdicts are kept.
    public var count: Int {
        lock.withLock { verdicts.count }
    }

    /// How many body bytes the kept verdicts hold.
    public var keptByteCount: Int {
        lock.withLock { keptBytes }
    }
}
