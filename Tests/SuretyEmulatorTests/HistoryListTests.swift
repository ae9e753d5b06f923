@testable import SuretyEmulator
import Testing

/// A history list reads as the array of what was appended, at every length around its chunk size, and a copy appended
/// to leaves the original as it was.
@Suite struct HistoryListTests {
    static let size = HistoryList<Int>.chunkSize

    @Test("reads back every element, in order and by index, at the chunk size, one under, one over and two chunks", arguments: [0, 1, size - 1, size, size + 1, 2 * size, 2 * size + 1])
    func readsBack(count: Int) {
        var list = HistoryList<Int>()
        for value in 0..<count { list.append(value * 7) }
        #expect(Array(list) == (0..<count).map { $0 * 7 })
        #expect(list.count == count && list.last == (count > 0 ? (count - 1) * 7 : nil))
        #expect(list.indices.map { list[$0] } == (0..<count).map { $0 * 7 })
        #expect(Array(list.reversed()) == (0..<count).map { $0 * 7 }.reversed())
        #expect(list.runs.flatMap { $0 } == (0..<count).map { $0 * 7 })
        #expect(list.runs.count == (count + Self.size - 1) / Self.size)
    }

    @Test("a copy and its original, each appended to, keep their own elements, across a chunk's end")
    func copiesAreIndependent() {
        var original = HistoryList<String>()
        for value in 0..<(Self.size - 1) { original.append("o\(value)") }
        var copy = original
        copy.append("copy")
        copy.append("copy2")
        original.append("original")
        #expect(original.count == Self.size && original.last == "original")
        #expect(copy.count == Self.size + 1 && copy[Self.size - 1] == "copy" && copy.last == "copy2")
        #expect(Array(original.prefix(Self.size - 1)) == Array(copy.prefix(Self.size - 1)))
    }

    @Test("equal and hashed alike when the elements are, though their full chunks are different objects")
    func equalityIsByElements() {
        var appended = HistoryList<Int>()
        for value in 0..<(Self.size + 3) { appended.append(value) }
        var again = HistoryList<Int>()
        again.append(contentsOf: 0..<(Self.size + 3))
        #expect(appended == again && appended.hashValue == again.hashValue)
        var longer = appended
        longer.append(99)
        #expect(appended != longer)
        var reordered = HistoryList<Int>()
        reordered.append(contentsOf: [1, 0] + Array(2..<(Self.size + 3)))
        #expect(appended != reordered)
    }

    @Test("runs appended read back in order; a copy keeps what it had while the original grows; removal rebuilds")
    func appendAndRemove() {
        var list: HistoryList<String> = []
        #expect(list.isEmpty)
        list.append(contentsOf: ["a", "b"])
        list.append(contentsOf: [])
        list.append(contentsOf: (0..<Self.size).map { "x\($0)" })
        let copy = list
        list.append(contentsOf: ["d", "e"])
        #expect(list.count == Self.size + 4 && Array(list.suffix(2)) == ["d", "e"])
        #expect(copy.count == Self.size + 2 && Array(copy.prefix(2)) == ["a", "b"])
        list.removeAll { $0 == "b" || $0.hasPrefix("x") }
        #expect(Array(list) == ["a", "d", "e"] && list.runs == [["a", "d", "e"]])
        #expect(copy.count == Self.size + 2 && copy[1] == "b")
        list.removeAll { _ in true }
        #expect(list.isEmpty && list == [])
    }
}
