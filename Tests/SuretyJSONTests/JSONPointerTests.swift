import Testing
@testable import SuretyJSON

@Suite struct JSONPointerTests {
    @Test func parsesAndPrintsEscapedTokens() throws {
        let pointer = try #require(JSONPointer(parsing: "/a~1b/m~0n/0"))
        #expect(pointer.tokens == ["a/b", "m~n", "0"])
        #expect(pointer.description == "/a~1b/m~0n/0")
        #expect(JSONPointer(parsing: "")?.tokens == [])
        #expect(JSONPointer(parsing: "/")?.tokens == [""])
    }

    @Test func rejectsMalformedPointers() {
        #expect(JSONPointer(parsing: "a") == nil)
        #expect(JSONPointer(parsing: "/a~2") == nil)
        #expect(JSONPointer(parsing: "/a~") == nil)
    }

    @Test func resolvesAgainstValuesAsRFC6901Section5Shows() throws {
        let document = try JSONParser().parse(#"{"foo": ["bar", "baz"], "": 0, "a/b": 1, "m~n": 8, " ": 7}"#).value()
        #expect(JSONPointer.root.resolve(in: document) == document)
        #expect(JSONPointer("/foo/0").resolve(in: document) == "bar")
        #expect(JSONPointer("/").resolve(in: document) == 0)
        #expect(JSONPointer("/a~1b").resolve(in: document) == 1)
        #expect(JSONPointer("/m~0n").resolve(in: document) == 8)
        #expect(JSONPointer("/ ").resolve(in: document) == 7)
        #expect(JSONPointer("/foo/01").resolve(in: document) == nil)
        #expect(JSONPointer("/foo/2").resolve(in: document) == nil)
    }

    @Test func ordersArrayIndicesNumerically() {
        #expect(JSONPointer("/items/2") < JSONPointer("/items/10"))
        #expect(JSONPointer("/a") < JSONPointer("/a/b"))
    }
}
