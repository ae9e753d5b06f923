import SuretyTesting
import Testing

/// Tests in parallel each have their own emulator, stubs and journal: no `.serialized`, no interference.
struct ParallelIsolationTests {
    /// The locator the seeded emulator gives the first change of a fresh session: every session starts the same.
    static let firstChangeLocator = "01J92P0V000HTJXBF54D5NKM03"

    @Test(.surety(.emulate), arguments: 0..<8)
    func eightTestsInParallelEachSeeOnlyTheirOwnEmulator(round: Int) async throws {
        let surety = try #require(SuretySession.current)
        let change = try await API.createChange(surety)
        #expect(change.status == 200)
        #expect(change.locator == Self.firstChangeLocator)
        for _ in 0...round {
            let fetched = try await API.send(surety, "GET", "/policy/\(API.tenant)/transactions/\(Self.firstChangeLocator)")
            #expect(fetched.status == 200)
        }
        #expect(surety.journal.count(of: "fetchTransaction") == round + 1)
        #expect(surety.journal.count(of: "changePolicy") == 1)
        #expect(surety.findings.isEmpty)
    }

    @Test func eightSessionsInOneTaskGroupDoNotInterfere() async throws {
        let locators = try await withThrowingTaskGroup(of: (String?, Int).self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let surety = try SuretySession(.emulate)
                    let change = try await API.createChange(surety)
                    return (change.locator, surety.journal.count)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(locators.count == 8)
        #expect(locators.allSatisfy { $0.0 == Self.firstChangeLocator && $0.1 == 1 })
    }
}
