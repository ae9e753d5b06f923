@testable import SuretyEmulator
import Testing

/// ``ChunkedList``: appended runs read back oldest first, a copy is independent, and equality is by elements.
@Suite struct ChunkedListTests {
    @Test("runs read back in order; a copy keeps what it had while the original grows; removal rebuilds")
    func runsAndCopies() {
        var list: ChunkedList<String> = []
        #expect(list.isEmpty && list.elements.isEmpty)
        list.append(contentsOf: ["a", "b"])
        list.append(contentsOf: [])
        list.append(contentsOf: ["c"])
        let copy = list
        list.append(contentsOf: ["d", "e"])
        #expect(list.elements == ["a", "b", "c", "d", "e"] && list.count == 5)
        #expect(copy.elements == ["a", "b", "c"] && copy.count == 3)
        list.removeAll { $0 == "b" || $0 == "d" }
        #expect(list.elements == ["a", "c", "e"] && list.count == 3)
        #expect(copy.elements == ["a", "b", "c"])
        list.removeAll { _ in true }
        #expect(list.isEmpty && list == [])
    }

    @Test("lists with the same elements are equal and hash alike however they were appended")
    func equality() {
        var runs: ChunkedList<Int> = []
        runs.append(contentsOf: [1, 2])
        runs.append(contentsOf: [3])
        let whole: ChunkedList<Int> = [1, 2, 3]
        #expect(runs == whole && runs.hashValue == whole.hashValue)
        #expect(runs != [1, 3, 2])
    }
}
