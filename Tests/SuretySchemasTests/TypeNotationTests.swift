import Testing
@testable import SuretySchemas

@Suite struct TypeNotationTests {
    @Test(arguments: [
        ("string", TypeRef.primitive(.string)),
        ("int", .primitive(.integer)),
        ("integer", .primitive(.integer)),
        ("int?", .optional(.primitive(.integer))),
        ("number", .primitive(.number)),
        ("boolean?", .optional(.primitive(.boolean))),
        ("uuid", .primitive(.uuid)),
        ("ulid", .primitive(.ulid)),
        ("locator", .primitive(.locator)),
        ("datetime?", .optional(.primitive(.datetime))),
        ("locator[]", .array(.primitive(.locator))),
        ("ulid[]?", .optional(.array(.primitive(.ulid)))),
        ("string[]?", .optional(.array(.primitive(.string)))),
        ("TermResponse", .named("TermResponse")),
        ("TermResponse[]", .array(.named("TermResponse"))),
        ("PolicyTransactionResponse[]?", .optional(.array(.named("PolicyTransactionResponse")))),
        ("map<string,object>", .map(.primitive(.object))),
        ("map<string, string>", .map(.primitive(.string))),
        ("map<string,number>", .map(.primitive(.number))),
        ("oneOf<EarlyInvoicingGenerationData,ImmediateInvoicingData>", .oneOf([.named("EarlyInvoicingGenerationData"), .named("ImmediateInvoicingData")])),
        ("oneOf<A, B>[]", .array(.oneOf([.named("A"), .named("B")]))),
        ("Enum coverage | gap", .enumeration(["coverage", "gap"])),
        ("Enum? accept | issue", .optional(.enumeration(["accept", "issue"]))),
        ("Enum[]? a | b", .optional(.array(.enumeration(["a", "b"])))),
        ("Enum[] a | b", .array(.enumeration(["a", "b"]))),
        ("unspecified", .unspecified),
        ("empty", .empty),
    ])
    func readsEverySpellingOfTheDocuments(text: String, expected: TypeRef) throws {
        let annotation = try TypeAnnotation(parsing: text)
        #expect(annotation.type == expected)
        #expect(!annotation.deprecated)
        #expect(try TypeRef(parsing: expected.description) == expected)
    }

    @Test func readsATrailingDeprecatedMark() throws {
        let enumeration = try TypeAnnotation(parsing: "Enum? accept | issue (deprecated)")
        #expect(enumeration == TypeAnnotation(type: .optional(.enumeration(["accept", "issue"])), deprecated: true))
        #expect(try TypeAnnotation(parsing: "boolean? (deprecated)") == TypeAnnotation(type: .optional(.primitive(.boolean)), deprecated: true))
        #expect(try TypeAnnotation(parsing: "string (deprecated)").deprecated)
    }

    @Test(arguments: [
        ("", 1, "a type name"),
        ("map<int,string>", 5, "'string' as the map's key type"),
        ("map<string string>", 12, "',' between the map's key and value types"),
        ("map<string,object", 18, "'>' to close map<"),
        ("oneOf<A>", 1, "at least two oneOf branches"),
        ("string]", 7, "end of type"),
        ("TermResponse[", 14, "']'"),
        ("Enum", 5, "a space and the enum's values"),
        ("Enum a | | b", 9, "an enum value (one word)"),
        ("strin", 1, "a known type or a schema name (schema names start with a capital letter)"),
        ("int??", 5, "end of type"),
    ])
    func explainsABadTypeStringWithItsColumn(text: String, column: Int, expected: String) {
        #expect(throws: TypeNotationError(text: text, column: column, expected: expected)) {
            try TypeAnnotation(parsing: text)
        }
    }

    @Test func wordCharactersAreDecidedAsTheUnicodePropertiesDecide() {
        let samples = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) } + ["é", "ß", "Ж", "٣", "½", "€", "😀", "e\u{301}"]
        for character in samples {
            let expected = character.isLetter || character.isNumber || character == "_"
            #expect(TypeNotationReader.isWordCharacter(character) == expected, "\(character.unicodeScalars.map(\.value))")
        }
    }
}
