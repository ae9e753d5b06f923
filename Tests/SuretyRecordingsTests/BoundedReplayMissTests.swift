import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import SuretyTestSupport
import Testing
@testable import SuretyRecordings

/// A replay miss is reported within named bounds, whatever the size of the request body.
@Suite("bounded replay misses")
struct BoundedReplayMissTests {
    /// A JSON array body of `count` small objects, none of which the recording has.
    static func body(_ count: Int) -> String {
        "[" + (0..<count).map { #"{"n":\#($0)}"# }.joined(separator: ",") + "]"
    }

    /// The only candidate of a miss against one recording with an empty array body.
    func candidate(differences count: Int) async throws -> JSONValue {
        let replay = ReplayResponderTests.responder([Sample.exchange(Sample.addElements("[]"))])
        let response = await replay.respond(to: Sample.addElements(Self.body(count)))
        #expect(response.status.code == 404)
        return try #require(try JSONParser().parse(response.body).value()["nearMisses"]?[0])
    }

    @Test("a candidate with maxDifferencesPerCandidate differences lists them all; one more lists the same number and says so")
    func differencesAtAndOverTheLimit() async throws {
        let limit = ReplayIndex.maxDifferencesPerCandidate
        let at = try await candidate(differences: limit)
        #expect(at["differences"]?.arrayValue?.count == limit)
        #expect(at["truncated"] == nil)
        let over = try await candidate(differences: limit + 1)
        #expect(over["differences"]?.arrayValue?.count == limit)
        #expect(over["truncated"] == true)
    }

    @Test("a shown value of maxShownValueCharacters is whole; one character more is cut, without writing the rest of it")
    func valuesAtAndOverTheLimit() {
        let limit = KeyDifference.maxShownValueCharacters
        let fits = String(repeating: "a", count: limit - 2)  // with its quotes, exactly the limit
        #expect(KeyDifference.preview(.string(fits)) == "\"\(fits)\"")
        let over = KeyDifference.preview(.string(fits + "a"))
        #expect(over.hasPrefix("\"" + fits) && over.contains("…") && over.count < limit + 20)
        let huge = JSONValue.array((0..<100_000).map { .integer($0) })
        #expect(KeyDifference.preview(huge).count < limit + 20)
    }

    @Test("over a socket, a 4 MiB body that misses gets a 404 of a few kilobytes", .timeLimit(.minutes(1)))
    func bigMissOverSocket() async throws {
        let replay = ReplayResponderTests.responder([Sample.exchange(Sample.addElements("[]"))])
        let body = Self.body(400_000)
        #expect(body.utf8.count > 4 << 20)
        let response = try await LoopbackServer.with(replay) { base in
            try await URLSessionClient.send(base + Sample.addElements("[]").target, method: "PUT",
                                            headers: ["Content-Type": "application/json"], body: Array(body.utf8))
        }
        #expect(response.status == 404)
        #expect(response.body.count < 8_192, "\(response.body.count) bytes")
    }
}
