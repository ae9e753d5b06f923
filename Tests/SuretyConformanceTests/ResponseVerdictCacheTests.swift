import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas
import SuretyTestSupport
import Testing

/// Answers every request with the body it was last given, as a mock or an upstream would.
final class SwitchableBody: SynchronousResponder, @unchecked Sendable {
    // Safe: `body` is only touched while `lock` is held.
    private let lock = NSLock()
    private var body: [UInt8] = []

    func set(_ bytes: [UInt8]) { lock.lock(); body = bytes; lock.unlock() }

    func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        lock.lock()
        defer { lock.unlock() }
        return HTTPResponse(status: .ok, contentType: "application/json", body: body)
    }
}

@Suite("Response verdicts are memoised by endpoint, status, content type and body")
struct ResponseVerdictCacheTests {
    let checker = TestRepository.checker
    let request = HTTPRequest(target: "/policy/3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W3")

    /// A valid `PolicyTransactionResponse`, and the same bytes with one byte changed so `transactionState` leaves its enum.
    func bodies() throws -> (valid: [UInt8], broken: [UInt8]) {
        var random = SeededRandom(seed: 3, key: "verdicts")
        let generator = ExampleGenerator(schemas: checker.contract.schemas, optional: .all, includesDeprecated: false)
        let valid = JSONWriter(style: .compact).bytes(generator.example(of: .named("PolicyTransactionResponse"), random: &random))
        let marker = Array(#""transactionState":""#.utf8)
        let start = try #require(valid.firstRange(of: marker)).upperBound
        var broken = valid
        broken[start] = UInt8(ascii: "Z")  // enum values are lower camel case, compared case-sensitively
        return (valid, broken)
    }

    func routed() throws -> RoutedRequest {
        guard case .routed(let routed) = checker.route(request) else { throw CheckerTestError.unrouted }
        return routed
    }

    @Test("a repeated valid body is judged once; a body one byte away from it is still caught, and the good one still passes")
    func brokenAfterGood() throws {
        let (valid, broken) = try bodies()
        let inner = SwitchableBody()
        let log = ViolationLog()
        let responder = StackEntry(root: ValidatingResponder(checker: checker, inner: ContextFree(inner), log: log), checker: checker)
        inner.set(valid)
        #expect(responder.respondSynchronously(to: request).headers[SuretyHeaders.violationCount] == nil)
        #expect(responder.respondSynchronously(to: request).headers[SuretyHeaders.violationCount] == nil)
        #expect(responder.root.verdicts.count == 1)
        inner.set(broken)
        let caught = responder.respondSynchronously(to: request)
        #expect(caught.headers[SuretyHeaders.violationCount] == "1")
        #expect(log.snapshot().entries.last?.violations.map { "\($0.pointer) \($0.rule.rawValue)" } == ["/transactionState enum"])
        #expect(responder.root.verdicts.count == 2)
        inner.set(valid)
        #expect(responder.respondSynchronously(to: request).headers[SuretyHeaders.violationCount] == nil)
        #expect(log.snapshot().violations == 1)
    }

    @Test("the verdict is looked up only for the same endpoint, status, content type and bytes")
    func keyParts() throws {
        let (valid, _) = try bodies()
        let routed = try routed()
        let cache = ResponseVerdictCache()
        var checks = 0
        func judge(_ response: HTTPResponse, _ routed: RoutedRequest) -> [Violation] {
            cache.violations(of: response, to: routed, by: checker) {
                checks += 1
                return checker.checkResponse(response, to: routed).violations
            }
        }
        let ok = HTTPResponse(status: .ok, contentType: "application/json", body: valid)
        #expect(judge(ok, routed).isEmpty)
        #expect(judge(HTTPResponse(status: .ok, contentType: "application/json", body: Array(valid)), routed).isEmpty)
        #expect(checks == 1)
        #expect(judge(HTTPResponse(status: .ok, contentType: "text/plain", body: valid), routed).map(\.rule) == [.contentType])
        #expect(!judge(HTTPResponse(status: HTTPStatus(code: 201), contentType: "application/json", body: valid), routed).isEmpty)
        var head = routed
        head.isHead = true
        #expect(judge(ok, head).isEmpty)
        #expect(checks == 4)
    }

    @Test("a body changed in place after its verdict was found is judged afresh: the cache holds every buffer it files by address")
    func changedAfterKept() throws {
        let (valid, broken) = try bodies()
        let routed = try routed()
        let cache = ResponseVerdictCache()
        func judge(_ body: [UInt8], checks: inout Int) -> [Violation] {
            let response = HTTPResponse(status: .ok, contentType: "application/json", body: body)
            return cache.violations(of: response, to: routed, by: checker) {
                checks += 1
                return checker.checkResponse(response, to: routed).violations
            }
        }
        var checks = 0
        #expect(judge(valid, checks: &checks).isEmpty)  // kept by content, in `valid`'s buffer
        var body = valid.map { $0 }  // the same bytes in a buffer of its own
        #expect(judge(body, checks: &checks).isEmpty)  // found by content, then filed under this buffer's address
        #expect(checks == 1)
        // Only `body` and the cache hold that buffer now. Were the cache to file it by address without holding it, this
        // write would change the bytes in place, under the same address, and the stale verdict would be served.
        let markerIndex = try #require(valid.indices.first { valid[$0] != broken[$0] })
        body[markerIndex] = broken[markerIndex]
        #expect(judge(body, checks: &checks).map(\.rule) == [.enum])
        #expect(checks == 2)
    }

    @Test("the first checker owns the cache: another checker is checked every time and nothing of its is kept")
    func oneChecker() throws {
        let (valid, _) = try bodies()
        let routed = try routed()
        let cache = ResponseVerdictCache()
        let ok = HTTPResponse(status: .ok, contentType: "application/json", body: valid)
        _ = cache.violations(of: ok, to: routed, by: checker) { [] }
        let strict = ExchangeChecker(contract: checker.contract, options: .init(strict: true))
        var checks = 0
        for _ in 0..<2 { _ = cache.violations(of: ok, to: routed, by: strict) { checks += 1; return [] } }
        #expect(checks == 2)
        #expect(cache.count == 1)
        var ownerChecks = 0
        _ = cache.violations(of: ok, to: routed, by: checker) { ownerChecks += 1; return [] }
        #expect(ownerChecks == 0, "a copy of the owning checker shares its identity and its verdicts")
    }

    @Test("the cache is bounded in entries and kept bytes, never keeps an oversized body, and reset empties it")
    func bounds() throws {
        let routed = try routed()
        func response(_ index: Int, size: Int = 8) -> HTTPResponse {
            HTTPResponse(status: .ok, contentType: "application/json", body: Array(repeating: UInt8(ascii: " "), count: size - 1) + [UInt8(48 + index)])
        }
        let byCount = ResponseVerdictCache(maxEntries: 3)
        for index in 0..<7 { _ = byCount.violations(of: response(index), to: routed, by: checker) { [] } }
        #expect(byCount.count <= 3)
        var checked = false
        _ = byCount.violations(of: response(6), to: routed, by: checker) { checked = true; return [] }
        #expect(!checked, "the newest verdict survives a start-over")

        let byBytes = ResponseVerdictCache(maxKeptBytes: 100)
        for index in 0..<7 { _ = byBytes.violations(of: response(index, size: 40), to: routed, by: checker) { [] } }
        #expect(byBytes.keptByteCount <= 100)
        #expect(byBytes.count >= 1)

        let oversized = ResponseVerdictCache(maxBodyBytes: 16)
        var checks = 0
        for _ in 0..<3 { _ = oversized.violations(of: response(1, size: 17), to: routed, by: checker) { checks += 1; return [] } }
        #expect(checks == 3)
        #expect(oversized.count == 0)

        byCount.reset()
        #expect(byCount.count == 0 && byCount.keptByteCount == 0)
    }
}
