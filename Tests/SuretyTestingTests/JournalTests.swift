@testable import SuretyTesting
import Testing

/// The journal answers which requests were made and how often, and keeps a bounded number of them.
struct JournalTests {
    @Test func theJournalKeepsEveryEntryUpToItsMaximum() {
        let journal = Journal(maxEntries: 3)
        for _ in 0..<3 { journal.record(method: "GET", target: "/a", endpointID: "a", status: 200) }
        #expect(journal.entries.map(\.sequence) == [1, 2, 3])
        #expect(journal.count(of: "a") == 3)
    }

    @Test func oneEntryOverTheMaximumDropsTheOldestButStillCountsIt() {
        let journal = Journal(maxEntries: 3)
        for _ in 0..<4 { journal.record(method: "GET", target: "/a", endpointID: "a", status: 200) }
        #expect(journal.entries.map(\.sequence) == [2, 3, 4])
        #expect(journal.count == 4)
        #expect(journal.count(of: "a") == 4)
        #expect(journal.entries(for: "a").count == 3)
    }

    @Test func theDefaultMaximumIsTenThousandEntries() {
        #expect(Journal().maxEntries == Journal.defaultMaxEntries)
        #expect(Journal.defaultMaxEntries == 10_000)
    }
}
