import Foundation
import SuretyHTTPCore
import SuretyJSON
import Testing
@testable import SuretyRecordings

/// Equal parts of the exchanges read from one folder share their storage, and sharing never changes a byte.
@Suite struct ExchangeInternerTests {
    static func exchange(_ body: String) -> Exchange {
        Sample.exchange(Sample.termsList(), Sample.json(body))
    }

    /// The storage of an object's members, to tell shared values from equal copies.
    static func storage(_ value: JSONValue?) -> UnsafeRawPointer? {
        guard case .object(let members)? = value else { return nil }
        return members.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    static let settings = #"{"billingPreferences":{"billingLevel":"policy","billingPlanName":"standard-plan-name"}}"#

    @Test("an equal subtree of two bodies is held once; the values stay equal")
    func sharesEqualSubtrees() {
        let first = Self.exchange(#"{"locator":"01HZY3K5Q8M2N4P6R8T0V2X4Z6","preferences":\#(Self.settings)}"#)
        let second = Self.exchange(#"{"locator":"01HZY3K5Q8M2N4P6R8T0V2X4Z7","preferences":\#(Self.settings)}"#)
        #expect(Self.storage(first.response.body.jsonValue?["preferences"]) != Self.storage(second.response.body.jsonValue?["preferences"]))
        var interner = ExchangeInterner()
        let (sharedFirst, sharedSecond) = (interner.intern(first), interner.intern(second))
        #expect(sharedFirst == first)
        #expect(sharedSecond == second)
        #expect(Self.storage(sharedFirst.response.body.jsonValue?["preferences"]) != nil)
        #expect(Self.storage(sharedFirst.response.body.jsonValue?["preferences"])
                == Self.storage(sharedSecond.response.body.jsonValue?["preferences"]))
        #expect(sharedSecond.response.body.bytes == second.response.body.bytes)
    }

    @Test("strings that Swift calls equal but are spelled with other bytes (é and e + U+0301) are not shared")
    func exactBytes() {
        let composed = Self.exchange(#"{"name":"caf\#u{E9} au lait, sans sucre","n":1}"#)
        let decomposed = Self.exchange(#"{"name":"cafe\#u{301} au lait, sans sucre","n":1}"#)
        #expect(composed.response.body.jsonValue == decomposed.response.body.jsonValue, "Swift's String equality says equal")
        var interner = ExchangeInterner()
        _ = interner.intern(composed)
        let shared = interner.intern(decomposed)
        #expect(shared.response.body.bytes == decomposed.response.body.bytes)
        #expect(shared.response.body.bytes != composed.response.body.bytes)
    }

    @Test("a folder read back shares the equal bodies of its recordings and returns them unchanged")
    func readingShares() async throws {
        try await withTemporaryDirectory { directory in
            let store = try RecordingStore(directory: directory)
            let written = try (0..<3).map { number in
                try store.write(Sample.exchange(Sample.termsList("offset=\(number)"), Sample.json(#"{"n":\#(number),"preferences":\#(Self.settings)}"#)))
            }
            let read = try RecordingStore.read(directory: directory)
            #expect(read.exchanges.map(\.exchange) == written.map(\.exchange))
            let storages = Set(read.exchanges.compactMap { Self.storage($0.exchange.response.body.jsonValue?["preferences"]) })
            #expect(storages.count == 1)
        }
    }
}
