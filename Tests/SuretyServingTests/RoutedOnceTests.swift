import Foundation
import SuretyConformance
import SuretyContracts
import SuretyEmulator
import SuretyHTTPCore
import SuretyRecordings
@testable import SuretyServing
import SuretyTestSupport
import Testing

/// Every mode of the serve stack routes a request exactly once: the top routes, and nothing below routes again.
@Suite("A request is routed once in every mode")
struct RoutedOnceTests {
    static let tenant = "3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f"
    let request = HTTPRequest(target: "/policy/\(Self.tenant)/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W3")

    /// A copy of the repository's checker that counts its routings.
    func observed(_ checker: ExchangeChecker = TestRepository.checker) -> ExchangeChecker {
        var checker = checker
        checker.routeObserver = RouteObserver()
        return checker
    }

    /// Sends `request` through the whole stack of `mode`, on the synchronous path when the stack has one, and returns
    /// the answer and how many times the checker routed.
    func send(_ request: HTTPRequest, mode: ServeMode, checker: ExchangeChecker) async -> (HTTPResponse, Int) {
        var stack = ServeStack(mode: mode, checker: checker)
        stack.requestLog = (.json, { _ in })
        stack.stubs = StubBoard()
        stack.journal = Journal()
        stack.cors = .only(["http://localhost:3000"])
        let responder = stack.assemble()
        let before = checker.routeObserver?.routings ?? 0
        let response: HTTPResponse
        if let synchronous = responder as? any SynchronousResponder, synchronous.answersSynchronously(request) {
            response = synchronous.respondSynchronously(to: request)
        } else {
            response = await responder.respond(to: request)
        }
        return (response, (checker.routeObserver?.routings ?? 0) - before)
    }

    @Test("mock: routed once, on the synchronous path")
    func mock() async {
        let checker = observed()
        let (response, routings) = await send(request, mode: .mock(MockResponder(checker: checker)), checker: checker)
        #expect(response.status.code == 200)
        #expect(routings == 1)
    }

    @Test("emulate: an endpoint the emulator implements is routed once, and the emulator never routes for itself")
    func emulate() async throws {
        let checker = observed(ExchangeChecker(contract: TestRepository.contract, options: .init(requiresAuthorization: true)))
        let emulator = try EmulatedBackend(contract: TestRepository.contract, clock: .manual(BuiltInFixtures.referenceInstant))
        var fetch = HTTPRequest(target: "/policy/\(BuiltInFixtures.tenantA)/policies/\(BuiltInFixtures.policyA1)/terms/list")
        fetch.headers["Authorization"] = "Bearer surety-token"
        let (response, routings) = await send(fetch, mode: .emulate(emulator, mock: MockResponder(checker: checker), builtInFixtures: true),
                                              checker: checker)
        #expect(response.status.code == 200, "\(String(decoding: response.body, as: UTF8.self).prefix(300))")
        #expect(routings == 1)
        #expect(emulator.ownRoutings.routings == 0)
    }

    @Test("emulate: an endpoint the emulator lacks goes to the mock behind its tokens, routed once (it was routed three times)")
    func emulateFallback() async throws {
        let contract = try Self.contractWithWidget()
        let checker = observed(ExchangeChecker(contract: contract, options: .init(requiresAuthorization: true)))
        let emulator = try EmulatedBackend(contract: contract, clock: .manual(BuiltInFixtures.referenceInstant))
        #expect(!emulator.implementedEndpointIDs.contains("fetchWidget"))
        let mode = ServeMode.emulate(emulator, mock: MockResponder(checker: checker), builtInFixtures: true)
        let widget = "/widget/\(BuiltInFixtures.tenantA)/widgets/01HZX3K4M5N6P7Q8R9S0T1V2W3"
        let (allowed, routings) = await send(HTTPRequest(target: widget, headers: ["Authorization": "Bearer surety-token"]), mode: mode, checker: checker)
        #expect(allowed.status.code == 200, "\(String(decoding: allowed.body, as: UTF8.self).prefix(300))")
        #expect(routings == 1)
        let (refused, refusedRoutings) = await send(HTTPRequest(target: widget, headers: ["Authorization": "Bearer surety-no-permission"]),
                                                    mode: mode, checker: checker)
        #expect(refused.status.code == 403)
        #expect(refusedRoutings == 1)
        #expect(emulator.ownRoutings.routings == 0)
    }

    @Test("replay: a recorded request and a miss that falls back to the mock are each routed once")
    func replay() async throws {
        let checker = observed()
        let mock = MockResponder(checker: checker)
        let recorded = Exchange(request: request, response: mock.respondSynchronously(to: request), checker: nil)
        let index = ReplayIndex(recordings: [StoredExchange(file: "recorded.json", sequence: 1, exchange: recorded)], matcher: RequestMatcher(checker: checker))
        let replay = ReplayResponder(index: index, fallback: mock)
        let (hit, hitRoutings) = await send(request, mode: .replay(replay, rewind: {}), checker: checker)
        #expect(hit.status.code == 200)
        #expect(hitRoutings == 1)
        let other = HTTPRequest(target: "/policy/\(Self.tenant)/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W4")
        let (miss, missRoutings) = await send(other, mode: .replay(replay, rewind: {}), checker: checker)
        #expect(miss.status.code == 200, "the mock answered the miss")
        #expect(missRoutings == 1)
    }

    @Test("record and proxy: the recorder and the forwarded request are routed once")
    func recordAndProxy() async throws {
        let checker = observed()
        let upstream = MockResponder(checker: TestRepository.checker)
        let directory = try TestRepository.temporaryDirectory("routed-once")
        let recorder = RecordingResponder(upstream: upstream, checker: checker, store: try RecordingStore(directory: directory))
        let (recorded, recordRoutings) = await send(request, mode: .record(recorder), checker: checker)
        #expect(recorded.status.code == 200)
        #expect(recordRoutings == 1)
        let (proxied, proxyRoutings) = await send(request, mode: .proxy(upstream), checker: checker)
        #expect(proxied.status.code == 200)
        #expect(proxyRoutings == 1)
    }

    /// The repository's contract with one more endpoint, `GET /widget/{tenantLocator}/widgets/{locator}`, which the
    /// emulator does not implement.
    static func contractWithWidget() throws -> Contract {
        var files = try FileManager.default.contentsOfDirectory(atPath: TestRepository.contracts).filter { $0.hasSuffix(".json") }.sorted()
            .map { ContractLoader.SourceFile(name: $0, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: TestRepository.contracts + "/" + $0)))) }
        let widget = #"""
        {"surety": "contract/1", "source": {"document": "widgets.txt", "title": "Widgets"}, "notes": [],
         "endpoints": [{"id": "fetchWidget", "summary": "Fetch Widget", "method": "GET", "path": "/widget/{tenantLocator}/widgets/{locator}",
                        "parameters": [{"name": "tenantLocator", "in": "path", "type": "uuid", "required": true},
                                       {"name": "locator", "in": "path", "type": "ulid", "required": true}],
                        "responses": {"200": {"type": "Widget"}}, "security": {"group": "policies", "permissions": ["read"]}}],
         "schemas": {"Widget": {"nameSource": "ours", "required": {"locator": "ulid", "name": "string"}}}}
        """#
        files.append(ContractLoader.SourceFile(name: "widgets.json", bytes: Array(widget.utf8)))
        let (contract, diagnostics) = ContractLoader().load(files: files)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(3))")
        return contract
    }
}
