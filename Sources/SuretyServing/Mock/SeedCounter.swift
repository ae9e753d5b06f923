import Foundation

/// Hands out fresh seeds for `Prefer: dynamic=true`, so each such response differs.
///
/// `@unchecked Sendable` is safe: `next` is the only access to `state` and holds the lock while it does.
final class SeedCounter: @unchecked Sendable {
    /// The one counter of the process, so that even separate mocks never repeat a dynamic seed.
    static let shared = SeedCounter()

    private let lock = NSLock()
    private var state = UInt64(UInt32(truncatingIfNeeded: ProcessInfo.processInfo.processIdentifier)) << 32
        ^ DispatchTime.now().uptimeNanoseconds

    /// The next seed.
    func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        state &+= 0x9E37_79B9_7F4A_7C15
        return state
    }
}
