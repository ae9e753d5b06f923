import Foundation
import SuretyJSON
import SuretyTestSupport
import Testing

/// Run-time stubs and the request journal over real sockets, in front of each serve mode, as a test of an app would
/// drive them: pin an answer, see it matched and counted, remove it; ask how often an endpoint was called.
@Suite("surety serve: stubs and the request journal")
struct StubsAndJournalProcessTests {
    static let admin = ["Authorization": "Bearer test-admin"]
    static let client = ["Authorization": "Bearer surety-token"]
    static let transaction = "/policy/5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001/transactions/01J6A00000000000000000PA09"

    func json(_ response: ClientResponse) throws -> JSONValue { try JSONParser().parse(response.body).value() }

    func post(_ url: String, _ body: String) async throws -> ClientResponse {
        try await URLSessionClient.send(url, method: "POST", headers: Self.admin.merging(["Content-Type": "application/json"]) { $1 },
                                        body: Array(body.utf8))
    }

    @Test("a stub is pinned, matched, counted and removed in front of the mock, the emulator and a replay", .timeLimit(.minutes(3)),
          arguments: [["--mock"], ["--emulate"], ["--replay", TestRepository.root + "/recordings"]])
    func stubInFrontOfEveryMode(mode: [String]) async throws {
        let (server, url) = try await ForeignBackends.serve(mode + ["--admin-token", "test-admin"])
        defer { _ = server }
        let pinned = try await post(url + "/__surety/stubs",
            #"{"method": "GET", "path": "/policy/*/transactions/{locator}", "response": {"status": 503}, "allowInvalid": true, "times": 1}"#)
        #expect(pinned.status == 201, "\(String(decoding: pinned.body, as: UTF8.self))")
        let first = try await URLSessionClient.send(url + Self.transaction, headers: Self.client)
        let second = try await URLSessionClient.send(url + Self.transaction, headers: Self.client)
        #expect(first.status == 503, "the stub answers once")
        #expect(second.status != 503, "then the mode answers again")
        let count = try await post(url + "/__surety/requests/count", #"{"endpoint": "fetchTransaction", "status": 503}"#)
        #expect(try json(count)["count"] == .integer(1))
        let listed = try await URLSessionClient.send(url + "/__surety/requests?endpoint=fetchTransaction", headers: Self.admin)
        #expect(try json(listed)["count"] == .integer(2))
        let byPath = try await post(url + "/__surety/requests/count", #"{"path": "/policy/*/transactions/{locator}", "method": "GET"}"#)
        let otherPath = try await post(url + "/__surety/requests/count", #"{"path": "/policy/*/transactions/{locator}/segment"}"#)
        #expect(try json(byPath)["count"] == .integer(2))
        #expect(try json(otherPath)["count"] == .integer(0))
        let removed = try await URLSessionClient.send(url + "/__surety/stubs", method: "DELETE", headers: Self.admin)
        #expect(removed.status == 200)
        let left = try await URLSessionClient.send(url + "/__surety/stubs", headers: Self.admin)
        #expect(try json(left)["stubs"] == .array([]))
        _ = await server.stop()
    }

    @Test("a stub whose answer breaks the contract is refused with its violations; one matching query and body answers only those",
          .timeLimit(.minutes(2)))
    func invalidRefusedAndMatching() async throws {
        let (server, url) = try await ForeignBackends.serve(["--mock", "--admin-token", "test-admin"])
        let refused = try await post(url + "/__surety/stubs",
            #"{"method": "GET", "path": "/policy/*/transactions/{locator}", "response": {"body": {"locator": "x"}}}"#)
        #expect(refused.status == 422)
        #expect(try json(refused)["violations"]?.arrayValue?.isEmpty == false)
        let matching = try await post(url + "/__surety/stubs",
            #"{"method": "PATCH", "path": "/policy/*/transactions/{locator}/issue", "query": {"autoRebase": "false"}, "response": {"status": 409}, "allowInvalid": true}"#)
        #expect(matching.status == 201)
        let issue = url + Self.transaction + "/issue"
        let plain = try await URLSessionClient.send(issue, method: "PATCH", headers: Self.client)
        let asked = try await URLSessionClient.send(issue + "?autoRebase=false", method: "PATCH", headers: Self.client)
        #expect(plain.status == 200)
        #expect(asked.status == 409)
        let unauthorized = try await URLSessionClient.send(url + "/__surety/stubs", headers: Self.client)
        #expect(unauthorized.status == 401, "the stubs are behind the admin door")
        _ = await server.stop()
    }

    @Test("--stubs DIR pins its stub documents at start, and a wrong one stops the start naming its file", .timeLimit(.minutes(2)))
    func stubsFolder() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-stubs")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(#"[{"method": "GET", "path": "/policy/*/transactions/{locator}", "response": {"status": 404}}]"#.utf8)
            .write(to: URL(fileURLWithPath: directory + "/a.json"))
        let (server, url) = try await ForeignBackends.serve(["--mock", "--stubs", directory])
        let answer = try await URLSessionClient.send(url + Self.transaction, headers: Self.client)
        #expect(answer.status == 404)
        _ = await server.stop()
        try Data(#"{"method": "GET", "path": "transactions"}"#.utf8).write(to: URL(fileURLWithPath: directory + "/b.json"))
        let broken = try await ToolRunner.run(RunningProcess.suretyExecutable,
                                              ["serve", "--port", "0", "--mock", "--stubs", directory, "--contracts", TestRepository.contracts],
                                              timeout: 30)
        #expect(broken.status == 2, "a wrong stub file stops the start")
        #expect(broken.standardError.contains(#"b.json:1:27: error: expected a path pattern starting with /, found "transactions" [at /path]"#),
                "\(broken.standardError)")
    }
}
