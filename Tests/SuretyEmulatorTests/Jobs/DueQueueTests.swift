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

    @Test("locators the emulator makes (ULIDs) and a fixture's own text sort together in text order on equal instants")
    func mixedLocators() {
        var queue = DueQueue()
        var generator = ULIDGenerator(seed: 7)
        let made = (0..<200).map { _ in generator.next(at: Timestamp(seconds: 1_700_000_000)) }
        let own = ["job-1", "00000000000000000000000000", "7ZZZZZZZZZZZZZZZZZZZZZZZZZ", "01J6B00000000000000000000a", "Z"]
        let all = made + own
        for (index, locator) in all.enumerated() {
            queue.insert(Timestamp(seconds: Int64(index % 3)), locator)
        }
        var taken: [(Int64, String)] = []
        while let due = queue.firstDue, let locator = queue.removeFirst() { taken.append((due.seconds, locator)) }
        let expected = all.enumerated().map { (Int64($0.offset % 3), $0.element) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        #expect(taken.map(\.0) == expected.map(\.0))
        #expect(taken.map(\.1) == expected.map(\.1))
        #expect(queue.removeFirst() == nil)
    }

    @Test("a change not kept leaves the queue as it found it, whatever it took and added; a kept one keeps its writes")
    func undo() {
        var queue = DueQueue()
        for index in 0..<10 { queue.insert(Timestamp(seconds: Int64(index)), "J\(index)") }
        for _ in 0..<1_000 {  // as many undone requests as a client may send: the queue must not grow
            queue.beginChange()
            queue.removeFirst()
            queue.removeFirst()
            queue.insert(Timestamp(seconds: 100), "J0")
            queue.insert(Timestamp(seconds: 1), "J9")
            queue.endChange(keeping: false)
        }
        #expect(queue.count == 10)
        var taken: [String] = []
        while let (_, locator) = queue.first {
            taken.append(locator)
            queue.removeFirst()
        }
        #expect(taken == (0..<10).map { "J\($0)" })

        for index in 0..<3 { queue.insert(Timestamp(seconds: Int64(index)), "K\(index)") }
        queue.beginChange()
        queue.removeFirst()
        queue.insert(Timestamp(seconds: 9), "K9")
        queue.endChange(keeping: true)
        #expect(queue.first?.locator == "K1" && queue.count == 3)
    }
}
