import SuretyHTTPCore
@testable import SuretyServing
import SuretyTestSupport
import Testing

@Suite("The mock keeps generated bodies, bounded")
struct MockBodyCacheTests {
    @Test("a repeated request is served from the cache with the same bytes; a dynamic one is generated afresh")
    func cached() {
        let mock = MockResponder(checker: TestRepository.checker)
        let request = HTTPRequest(target: "/policy/3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W3")
        let first = mock.respondSynchronously(to: request)
        #expect(mock.cache.count == 1)
        #expect(mock.respondSynchronously(to: request).body == first.body)
        var dynamic = request
        dynamic.headers["Prefer"] = "dynamic=true"
        #expect(mock.respondSynchronously(to: dynamic).body != first.body)
        #expect(mock.cache.count == 1)
    }

    @Test("a full cache starts over instead of growing")
    func bounded() {
        let cache = MockBodyCache<String>(maxEntries: 3)
        for index in 0..<7 { cache.store([UInt8(index)], for: "k\(index)") }
        #expect(cache.count == 1)
        #expect(cache.bytes(for: "k6") == [6])
        #expect(cache.bytes(for: "k0") == nil)
    }
}
