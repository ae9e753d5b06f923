import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import Testing
@testable import SuretyRecordings

@Suite struct ReplayResponderTests {
    /// Stored exchanges in memory, files named like the store names them.
    static func stored(_ exchanges: [Exchange]) -> [StoredExchange] {
        exchanges.enumerated().map { index, exchange in
            StoredExchange(file: "\(exchange.folderName)/\(RecordingFileName.make(sequence: index + 1, hash: exchange.shortHash))",
                           sequence: index + 1, exchange: exchange)
        }
    }

    static func responder(_ exchanges: [Exchange], options: ReplayResponder.Options = .init(), fallback: (any Responder)? = nil) -> ReplayResponder {
        let matcher = RequestMatcher(checker: TestContract.checker, options: options.matching)
        return ReplayResponder(index: ReplayIndex(recordings: stored(exchanges), matcher: matcher, repetition: options.repetition), fallback: fallback)
    }

    @Test("Recordings of one request replay in recorded order, then the last repeats")
    func recordedOrderThenLast() async {
        let replay = Self.responder((1...3).map { Sample.exchange(Sample.termsList(), Sample.json(#"{"n":\#($0)}"#)) })
        var bodies: [String] = []
        for _ in 0..<5 { bodies.append(String(decoding: await replay.respond(to: Sample.termsList("count=10&offset=0")).body, as: UTF8.self)) }
        #expect(bodies == [#"{"n":1}"#, #"{"n":2}"#, #"{"n":3}"#, #"{"n":3}"#, #"{"n":3}"#])
    }

    @Test("With cycle, the first recording comes again after the last")
    func cycle() async {
        let replay = Self.responder((1...2).map { Sample.exchange(Sample.termsList(), Sample.json(#"{"n":\#($0)}"#)) },
                                    options: .init(repetition: .cycle))
        var bodies: [String] = []
        for _ in 0..<4 { bodies.append(String(decoding: await replay.respond(to: Sample.termsList()).body, as: UTF8.self)) }
        #expect(bodies == [#"{"n":1}"#, #"{"n":2}"#, #"{"n":1}"#, #"{"n":2}"#])
    }

    @Test("A replayed response has the recorded status, headers and exact body bytes")
    func faithful() async {
        let body = #"{"zeta":"é\u00e9","alpha":[1.50,2e3]}"#
        let recorded = HTTPResponse(status: 201, headers: ["X-Two": "1", "X-Two": "2"], contentType: "application/json", body: Array(body.utf8))
        let response = await Self.responder([Sample.exchange(Sample.addElements(#"{"a":1}"#), recorded)]).respond(to: Sample.addElements(#"{ "a" : 1 }"#))
        #expect(response == recorded)
    }

    @Test("An unmatched request gets a 404 in the error shape listing the three closest recordings and what differed")
    func nearMiss() async throws {
        let replay = Self.responder([
            Sample.exchange(Sample.termsList("count=10&offset=0")),
            Sample.exchange(Sample.termsList("count=10&offset=20")),
            Sample.exchange(Sample.termsList("count=5&offset=40&extended=true")),
            Sample.exchange(Sample.addElements(#"{"a":1}"#)),
            Sample.exchange(HTTPRequest(target: "/elsewhere")),
        ])
        let response = await replay.respond(to: Sample.termsList("count=10&offset=40"))
        #expect(response.status.code == 404)
        let problem = try #require(Problem(response: response))
        #expect(problem.title == "No recording matches the request")
        #expect(problem.detail == """
        GET /policy/\(Sample.tenant)/policies/\(Sample.policy)/terms/list?count=10&offset=40 matches no recording \
        (key: GET fetchTermsForPolicy {locator=\(Sample.policy), tenantLocator=\(Sample.tenant)} ?count=10&offset=40).
        1. fetchTermsForPolicy/000001-\(Self.hash(0, replay)).json: query offset: recorded 0, requested 40
        2. fetchTermsForPolicy/000002-\(Self.hash(1, replay)).json: query offset: recorded 20, requested 40
        3. fetchTermsForPolicy/000003-\(Self.hash(2, replay)).json: query count: recorded 5, requested 10; query extended: recorded true, requested absent
        """)
        let json = try JSONParser().parse(response.body).value()
        #expect(json["nearMisses"]?[0]?["differences"] == .array([
            .object(["in": "query", "name": "offset", "recorded": ["0"], "requested": ["40"]]),
        ]))
    }

    /// The short hash in the name of the index's recording at `index` (`…/000001-1a2b3c4d.json`).
    static func hash(_ index: Int, _ replay: ReplayResponder) -> String {
        String(replay.index.recordings[index].file.split(separator: "-").last?.prefix(8) ?? "")
    }

    @Test("When the endpoint has no recordings, near misses come from other endpoints with the same method first")
    func otherEndpoints() {
        let replay = Self.responder([Sample.exchange(Sample.addElements("{}")), Sample.exchange(Sample.termsList())])
        guard case .unmatched(let report) = replay.replay(HTTPRequest(target: "/policy/\(Sample.tenant)/terms/\(Sample.policy)")) else {
            Issue.record("expected no match")
            return
        }
        #expect(report.candidates.map { $0.differences.map(\.description) } == [
            ["endpoint: recorded fetchTermsForPolicy, requested fetchTerm"],
            ["method: recorded PUT, requested GET", "endpoint: recorded addElementsToPolicyWithTransaction, requested fetchTerm"],
        ])
    }

    @Test("With a fallback, an unmatched request is answered by it instead of the 404")
    func fallback() async {
        let mock = CallbackResponder { _ in HTTPResponse(status: 299, text: "from the mock") }
        let replay = Self.responder([Sample.exchange(Sample.termsList())], fallback: mock)
        #expect(await replay.respond(to: Sample.termsList("count=1")).status.code == 299)
        #expect(await replay.respond(to: Sample.termsList()).status.code == 200)
    }

    @Test("Lookups among 20,000 recordings compare as few keys as among 100: an index, not a scan")
    func indexNotScan() {
        func comparisons(recordings count: Int) -> (Int, Int) {
            let response = RecordedResponse(Sample.json("[]"))
            let exchanges = (0..<count).map { Exchange(request: RecordedRequest(Sample.termsList("offset=\($0)&count=10")), response: response) }
            let replay = Self.responder(exchanges)
            let counter = KeyComparisons.Counter()
            let probes = stride(from: 0, to: count, by: max(1, count / 50)).map { Sample.termsList("count=10&offset=\($0)") }
            var matched = 0
            KeyComparisons.$counter.withValue(counter) {
                for probe in probes { if case .matched = replay.replay(probe) { matched += 1 } }
            }
            #expect(matched == probes.count)
            #expect(replay.index.bucketCount == count)
            return (counter.value, probes.count)
        }
        let (small, smallProbes) = comparisons(recordings: 100)
        let (large, largeProbes) = comparisons(recordings: 20_000)
        // A hash lookup compares a key or two (a few more on hash collisions); a scan would compare thousands.
        #expect(small <= smallProbes * 4)
        #expect(large <= largeProbes * 4, "\(large) key comparisons for \(largeProbes) lookups among 20,000 recordings")
    }

    @Test("Loading a folder with a bad file refuses by default, listing every issue; skip starts without it")
    func badFilesPolicy() async throws {
        try await withTemporaryDirectory { directory in
            let store = try RecordingStore(directory: directory)
            try store.write(Sample.exchange(Sample.termsList()))
            write("{", to: directory + "/fetchTerm/000007-00000000.json")
            write(#"{"format": 1}"#, to: directory + "/fetchTerm/000008-00000000.json")
            do {
                _ = try ReplayResponder.load(directory: directory, checker: TestContract.checker)
                Issue.record("expected a refusal")
            } catch let error as ReplayResponder.LoadError {
                guard case .badRecordings(let issues) = error else { Issue.record("unexpected \(error)"); return }
                #expect(issues.map(\.file) == ["fetchTerm/000007-00000000.json", "fetchTerm/000008-00000000.json",
                                               "fetchTerm/000008-00000000.json", "fetchTerm/000008-00000000.json"])
                #expect(error.description.hasPrefix("refusing to replay: 4 problem(s)"))
            }
            let (replay, skipped) = try ReplayResponder.load(directory: directory, checker: TestContract.checker,
                                                             options: .init(badRecordings: .skip))
            #expect(skipped.count == 4)
            #expect(await replay.respond(to: Sample.termsList()).status.code == 200)
        }
    }
}

/// A fallback that says whether it was handed the replay's routing or left to route for itself.
struct RoutingWitness: Responder, ContextResponder {
    func respond(to request: HTTPRequest) async -> HTTPResponse { HTTPResponse(text: "routed itself") }

    func respond(to request: HTTPRequest, context: RequestContext) async -> HTTPResponse {
        guard let routed = context.routed else { return HTTPResponse(text: "unrouted") }
        return HTTPResponse(text: "handed \(routed.endpoint.id)")
    }
}

@Suite struct ReplayRoutingTests {
    @Test("A miss goes to the fallback with the routing found once, whether the stack or the replay routed")
    func fallbackGetsTheRouting() async {
        let replay = ReplayResponderTests.responder([], fallback: RoutingWitness())
        let request = Sample.termsList()
        #expect(String(decoding: await replay.respond(to: request).body, as: UTF8.self).hasPrefix("handed "))
        let routing = TestContract.checker.route(request)
        #expect(String(decoding: await replay.respond(to: request, context: RequestContext(routing: routing)).body, as: UTF8.self).hasPrefix("handed "))
    }
}
