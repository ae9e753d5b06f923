import SuretyHTTPCore
import SuretySchemas

extension Locked where Value == SeededRandom {
    /// A latency from the range (0 without one) and whether this request fails, drawn under the lock from the seeded
    /// sequence that all connections share.
    func draw(latency: ClosedRange<Int>?, failRate: Double) -> (Int, Bool) {
        withLock { generator in
            let delay = latency.map { $0.lowerBound + generator.below($0.count) } ?? 0
            return (delay, failRate > 0 && generator.chance(failRate))
        }
    }
}
