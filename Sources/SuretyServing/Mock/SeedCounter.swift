import Foundation
import SuretyHTTPCore

/// Hands out fresh seeds for `Prefer: dynamic=true`, so each such response differs.
final class SeedCounter: Sendable {
    /// The one counter of the process, so that even separate mocks never repeat a dynamic seed.
    static let shared = SeedCounter()

    private let state = Locked(UInt64(UInt32(truncatingIfNeeded: ProcessInfo.processInfo.processIdentifier)) << 32
        ^ DispatchTime.now().uptimeNanoseconds)

    /// The next seed.
    func next() -> UInt64 {
        state.withLock { state in
            state &+= 0x9E37_79B9_7F4A_7C15
            return state
        }
    }
}
