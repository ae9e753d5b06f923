import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyJSON
import Testing
@testable import SuretyRecordings

/// An upstream that numbers its answers, so replays can be told apart and their order checked.
struct NumberingUpstream: SynchronousResponder {
    let counter = Locked(0)

    func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        let number = counter.withLock { value -> Int in
            value += 1
            return value
        }
        if request.path.hasSuffix("/missing") { return HTTPResponse(status: 404, jsonText: #"{"title":"nope"}"#) }
        let echoed = String(decoding: request.body, as: UTF8.self)
        return HTTPResponse(headers: ["Set-Cookie": "session=upstream-secret-\(number)", "X-Number": String(number)],
                            jsonText: #"{"number":\#(number),"method":"\#(request.method)","echo":\#(echoed.isEmpty ? "null" : echoed)}"#)
    }
}

@Suite struct RecordReplayEndToEndTests {
    @Test("Traffic recorded from a loopback upstream through UpstreamClient replays with the same statuses and byte-identical bodies")
    func recordThenReplay() async throws {
        try await withTemporaryDirectory { directory in
            let upstreamServer = HTTPServer(host: "127.0.0.1", port: 0, eventLoopCount: 1, responder: NumberingUpstream())
            let port = try upstreamServer.start()
            let client = UpstreamClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!, timeout: .seconds(10))
            let store = try RecordingStore(directory: directory)
            let failures = Locked<[RecordingStoreError]>([])
            let recorder = RecordingResponder(upstream: client, checker: TestContract.checker, store: store,
                                              now: { Date(timeIntervalSince1970: 1_700_000_000) }, onFailure: { error in failures.withLock { $0.append(error) } })
            let traffic: [HTTPRequest] = [
                Sample.termsList("offset=0&count=2", headers: ["Authorization": "Bearer client-secret"]),
                Sample.addElements(#"{"b":[1,2],"a":"x"}"#),
                Sample.termsList("offset=0&count=2"),
                HTTPRequest(target: "/policy/\(Sample.tenant)/missing"),
            ]
            var live: [HTTPResponse] = []
            for request in traffic { live.append(await recorder.respond(to: request)) }
            await upstreamServer.stop(gracePeriod: .seconds(1))
            #expect(failures.withLock { $0 }.isEmpty)
            #expect(live.map(\.status.code) == [200, 200, 200, 404])

            let files = filesUnder(directory)
            #expect(files.count == 4)
            #expect(files.filter { $0.hasPrefix("fetchTermsForPolicy/") }.count == 2)
            #expect(files.contains { $0.hasPrefix("_unrouted/000004-") })
            for file in files {
                let text = String(decoding: bytes(of: directory + "/" + file), as: UTF8.self)
                #expect(!text.contains("client-secret") && !text.contains("upstream-secret"), "secret in \(file)")
            }

            let (replay, skipped) = try ReplayResponder.load(directory: directory, checker: TestContract.checker)
            #expect(skipped.isEmpty)
            var replayed: [HTTPResponse] = []
            // Same requests, query reordered and JSON keys reordered: still matched, in recorded order.
            for request in [Sample.termsList("count=2&offset=0"), Sample.addElements(#"{"a":"x","b":[1,2]}"#),
                            Sample.termsList("count=2&offset=0"), HTTPRequest(target: "/policy/\(Sample.tenant)/missing")] {
                replayed.append(await replay.respond(to: request))
            }
            #expect(replayed.map(\.status) == live.map(\.status))
            #expect(replayed.map(\.body) == live.map(\.body))
            #expect(replayed[0].headers["X-Number"] == live[0].headers["X-Number"])
            #expect(replayed[0].headers["Set-Cookie"]?.hasPrefix("[redacted:") == true)
        }
    }

    @Test("Recorded exchanges carry the contract's verdict, and the offline check judges them again")
    func offlineCheck() async throws {
        try await withTemporaryDirectory { directory in
            let store = try RecordingStore(directory: directory)
            let recorder = RecordingResponder(upstream: NumberingUpstream(), checker: TestContract.checker, store: store)
            _ = await recorder.respond(to: Sample.termsList("offset=zero"))
            let set = try RecordingStore.read(directory: directory)
            let stored = try #require(set.exchanges.first)
            #expect(stored.exchange.endpointID == "fetchTermsForPolicy")
            #expect(stored.exchange.violations.contains { $0.part == .query && $0.pointer == "/offset" })
            #expect(stored.exchange.violations.contains { $0.part == .responseBody })
            let results = RecordingChecker(checker: TestContract.checker).check(set.exchanges)
            #expect(results.count == 1)
            #expect(results[0].file == stored.file)
            #expect(!results[0].passed)
            #expect(results[0].violations == stored.exchange.violations)
        }
    }

    @Test("A write that fails is reported and the upstream's response still returned")
    func failedWrite() async throws {
        try await withTemporaryDirectory { directory in
            let store = try RecordingStore(directory: directory)
            write("not a folder", to: directory + "/fetchTermsForPolicy")
            let failures = Locked<[RecordingStoreError]>([])
            let recorder = RecordingResponder(upstream: NumberingUpstream(), checker: TestContract.checker, store: store,
                                              onFailure: { error in failures.withLock { $0.append(error) } })
            let response = await recorder.respond(to: Sample.termsList())
            #expect(response.status.code == 200)
            let reported = failures.withLock { $0 }
            #expect(reported.count == 1)
            #expect(reported.first == .notAFolder(path: directory + "/fetchTermsForPolicy", kind: "a regular file"))
        }
    }
}
