@testable import SuretyEmulator
import SuretySchemas
import Testing

/// The queue of the jobs' next automatic moves (``DueQueue``).
@Suite struct DueQueueTests {
    @Test("entries come out earliest first, ties by locator, whatever order they went in; a copy is not changed by the original")
    func order() {
        var queue = DueQueue()
        var expected: [(Int64, String)] = []
        var seed: UInt64 = 42
        for index in 0..<3_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1
            let due = Int64(seed >> 54)  // many equal instants
            expected.append((due, "JOB\(index)"))
            queue.insert(Timestamp(seconds: due), "JOB\(index)")
        }
        let copy = queue
        var taken: [(Int64, String)] = []
        while let (due, locator) = queue.first {
            taken.append((due.seconds, locator))
            queue.removeFirst()
        }
        #expect(taken.map(\.0) == expected.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.0))
        #expect(taken.map(\.1) == expected.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.1))
        #expect(copy.first?.locator == taken.first?.1, "the copy still holds every entry")
    }
}
