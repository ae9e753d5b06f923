import Foundation
import SuretyConformance
import SuretyEmulator
import SuretyEmulatorState
import SuretyHTTPCore
import SuretyJSON
@testable import SuretyServing
import SuretyTestSupport
import Testing

/// A journaled emulator writes and syncs each change before answering, so those requests leave the event loop.
@Suite("A journaled emulator does its file I/O off the event loop")
struct JournaledStackTests {
    let checker = ExchangeChecker(contract: TestRepository.contract, options: .init(requiresAuthorization: true))
    let reset = HTTPRequest(method: .post, target: "/__surety/reset", headers: ["Authorization": "Bearer surety-admin"])
    let read = HTTPRequest(target: "/policy/\(BuiltInFixtures.tenantA)/policies/\(BuiltInFixtures.policyA1)/terms/list",
                           headers: ["Authorization": "Bearer surety-token"])
    let write = HTTPRequest(method: .post, target: "/policy/\(BuiltInFixtures.tenantA)/policies/\(BuiltInFixtures.policyA1)/renew",
                            headers: ["Authorization": "Bearer surety-token", "Content-Type": "application/json"], body: Array("{}".utf8))

    func stack(_ emulator: EmulatedBackend) throws -> any SynchronousResponder {
        let stack = ServeStack(mode: .emulate(emulator, mock: MockResponder(checker: checker), builtInFixtures: true), checker: checker)
        return try #require(stack.assemble() as? any SynchronousResponder)
    }

    @Test("in memory every request is answered inline; with --state the changes and the admin routes are not, reads still are")
    func changesLeaveTheEventLoop() async throws {
        let memory = try stack(try EmulatedBackend(contract: TestRepository.contract, clock: .manual(BuiltInFixtures.referenceInstant)))
        #expect(memory.answersSynchronously(read) && memory.answersSynchronously(write) && memory.answersSynchronously(reset))

        let directory = try TestRepository.temporaryDirectory("journaled-stack")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let document = try JSONParser().parse(Array(BuiltInFixtures.json.utf8)).value()
        let journal = try StateJournal(directory: directory, seed: 0x5EED, fixtures: document, now: BuiltInFixtures.referenceInstant)
        let emulator = try EmulatedBackend(contract: TestRepository.contract, clock: .manual(journal.createdAt))
        try emulator.restore(from: journal, clock: .manual(BuiltInFixtures.referenceInstant))
        let journaled = try stack(emulator)
        #expect(journaled.answersSynchronously(read))
        #expect(!journaled.answersSynchronously(write))
        #expect(!journaled.answersSynchronously(reset))
        let before = try String(contentsOfFile: journal.path, encoding: .utf8).split(separator: "\n").count
        let answer = await journaled.respond(to: reset)
        #expect(answer.status.code == 200, "\(String(decoding: answer.body, as: UTF8.self))")
        #expect(try String(contentsOfFile: journal.path, encoding: .utf8).split(separator: "\n").count == before + 1)
    }
}
