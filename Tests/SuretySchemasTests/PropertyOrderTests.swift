import Testing
import SuretyJSON
@testable import SuretySchemas

/// The walk tries the documented next property first; members in any other order must be judged exactly the same.
@Suite struct PropertyOrderTests {
    static let schemas = SchemaSet([
        Schema(name: "Pair", properties: [
            Property(name: "ab", type: .primitive(.string), isRequired: true),
            Property(name: "cd", type: .primitive(.integer), isRequired: true),
            Property(name: "ef", type: .optional(.primitive(.boolean)), isRequired: false, isDeprecated: true),
        ]),
    ])

    func issues(_ text: String, strict: Bool = true) throws -> [String] {
        let validator = SchemaValidator(schemas: Self.schemas, options: .init(strict: strict))
        return validator.validate(try JSONParser(options: .init(duplicateKeys: .allow)).parse(text), against: .named("Pair"))
            .map(\.description)
    }

    @Test(arguments: [
        #"{"ab": "x", "cd": 1, "ef": true}"#, #"{"ef": true, "cd": 1, "ab": "x"}"#, #"{"cd": 1, "ef": true, "ab": "x"}"#,
    ])
    func anyOrderGivesTheSameWarning(text: String) throws {
        #expect(try issues(text) == ["/ef: warning: deprecated: expected no deprecated property, got ef present"])
    }

    @Test func unknownAndRepeatedMembersBetweenKnownOnes() throws {
        #expect(try issues(#"{"cd": 1, "zz": 0, "cd": "2", "ab": 3}"#) == [
            #"/zz: unknownProperty: expected only the properties of Pair, got property "zz""#,
            "/cd: type: expected integer, got string",
            "/ab: type: expected string, got number",
        ])
    }

    @Test func aMissingMemberIsReportedWhateverTheOrder() throws {
        #expect(try issues(#"{"ef": null, "ab": "x"}"#) == ["/cd: required: expected property cd (integer), got missing"])
    }
}
