import Testing
@testable import SuretyJSON

@Suite struct JSONWriterTests {
    let value: JSONValue = .object(["b": [1, .object(["y": "q\"\n", "x": .null])], "a": .object([]), "c": []])

    @Test func writesCompactOutputWithNoWhitespace() {
        #expect(JSONWriter(style: .compact).string(value) == #"{"b":[1,{"y":"q\"\n","x":null}],"a":{},"c":[]}"#)
    }

    @Test func writesPrettyOutputWithTwoSpacesInStoredKeyOrder() {
        #expect(JSONWriter(style: .pretty).string(value) == """
            {
              "b": [
                1,
                {
                  "y": "q\\"\\n",
                  "x": null
                }
              ],
              "a": {},
              "c": []
            }

            """)
    }

    @Test func writesCanonicalOutputWithSortedKeys() {
        #expect(JSONWriter(style: .canonical).string(value).hasPrefix("{\n  \"a\": {},\n  \"b\": [\n    1,\n    {\n      \"x\": null,\n      \"y\""))
    }

    @Test func escapesControlCharactersAndKeepsOtherUnicode() {
        #expect(JSONWriter().string(.string("\u{1}\u{1F}é\t")) == #""\u0001\u001fé\t""#)
    }

    @Test func roundTripsEveryValueThroughTheParser() throws {
        for style in [JSONWriter.Style.compact, .pretty] {
            let bytes = JSONWriter(style: style).bytes(value)
            #expect(try JSONParser().parse(bytes).value() == value)
        }
        let amounts = #"[0.1, 100.10, 1e400, -0, 12345678901234567890123]"#
        #expect(JSONWriter().string(try JSONParser().parse(amounts).value()) == "[0.1,100.10,1e400,-0,12345678901234567890123]")
    }
}
