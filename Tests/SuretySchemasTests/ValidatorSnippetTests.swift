import Testing
import SuretyJSON
@testable import SuretySchemas

/// Each case: a schema, an instance, and the issues expected, side by side.
@Suite struct ValidatorSnippetTests {
    static let schemas = SchemaSet([
        Schema(name: "Thing", properties: [
            Property(name: "locator", type: .primitive(.ulid), isRequired: true),
            Property(name: "count", type: .primitive(.integer), isRequired: true),
            Property(name: "state", type: .enumeration(["draft", "issued"]), isRequired: true),
            Property(name: "note", type: .optional(.primitive(.string)), isRequired: false),
            Property(name: "tags", type: .optional(.array(.primitive(.string))), isRequired: false),
            Property(name: "data", type: .optional(.map(.primitive(.number))), isRequired: false),
            Property(name: "old", type: .optional(.primitive(.boolean)), isRequired: false, isDeprecated: true),
            Property(name: "mode", type: .optional(.enumeration(["a", "b"])), isRequired: false, deprecatedValues: ["b"]),
            Property(name: "child", type: .optional(.named("Child")), isRequired: false),
        ]),
        Schema(name: "Child", properties: [Property(name: "at", type: .primitive(.datetime), isRequired: true)]),
        Schema(name: "A", properties: [Property(name: "a", type: .primitive(.string), isRequired: true),
                                       Property(name: "a2", type: .optional(.primitive(.string)), isRequired: false)]),
        Schema(name: "B", properties: [Property(name: "b", type: .primitive(.integer), isRequired: true),
                                       Property(name: "c", type: .primitive(.integer), isRequired: true)]),
    ])

    static let valid = #"{"locator": "01ARZ3NDEKTSV4RRFFQ69G5FAV", "count": 3, "state": "draft"}"#

    func issues(_ text: String, _ type: TypeRef = .named("Thing"), strict: Bool = false) throws -> [String] {
        let validator = SchemaValidator(schemas: Self.schemas, options: .init(strict: strict))
        return validator.validate(try JSONParser().parse(text), against: type).map(\.description)
    }

    @Test func aValidDocumentHasNoIssues() throws {
        #expect(try issues(Self.valid) == [])
    }

    @Test func reportsEveryIssueOfADocumentInOnePassInDocumentOrder() throws {
        let text = #"{"locator": "nope", "count": "3", "state": "Draft", "note": 5}"#
        #expect(try issues(text) == [
            #"/locator: format: expected ulid, got "nope""#,
            "/count: type: expected integer, got string",
            #"/state: enum: expected one of "draft", "issued", got "Draft""#,
            "/note: type: expected string, got number",
        ])
    }

    @Test func reportsMissingRequiredPropertiesAtTheirPointer() throws {
        #expect(try issues(#"{"count": 1}"#) == [
            "/locator: required: expected property locator (ulid), got missing",
            "/state: required: expected property state (Enum draft | issued), got missing",
        ])
    }

    @Test func nullIsAllowedOnlyWhereTheTypeIsOptional() throws {
        #expect(try issues(#"{"locator": null, "count": 1, "state": "draft", "note": null, "tags": null}"#) == [
            "/locator: null: expected ulid, got null",
        ])
    }

    @Test(arguments: [("3", true), ("3.0", true), ("3e0", true), ("-7", true), ("3.5", false), ("1e-1", false)])
    func integersAcceptIntegralNumbersInAnySpelling(literal: String, accepted: Bool) throws {
        let found = try issues(#"{"locator": "01ARZ3NDEKTSV4RRFFQ69G5FAV", "count": \#(literal), "state": "draft"}"#)
        #expect(found.isEmpty == accepted)
    }

    @Test func checksArrayItemsAndMapValuesWithTheirPointers() throws {
        let text = #"{"locator": "01ARZ3NDEKTSV4RRFFQ69G5FAV", "count": 1, "state": "draft", "tags": ["a", 2], "data": {"x": 1, "y/z": "no"}}"#
        #expect(try issues(text) == ["/tags/1: type: expected string, got number", "/data/y~1z: type: expected number, got string"])
    }

    @Test func ignoresUnknownPropertiesUnlessStrict() throws {
        let text = #"{"locator": "01ARZ3NDEKTSV4RRFFQ69G5FAV", "count": 1, "state": "draft", "extra": true}"#
        #expect(try issues(text) == [])
        #expect(try issues(text, strict: true) == [#"/extra: unknownProperty: expected only the properties of Thing, got property "extra""#])
    }

    @Test func warnsAboutDeprecatedPropertiesAndValuesWithoutFailing() throws {
        let text = #"{"locator": "01ARZ3NDEKTSV4RRFFQ69G5FAV", "count": 1, "state": "draft", "old": true, "mode": "b"}"#
        let validator = SchemaValidator(schemas: Self.schemas)
        let found = validator.validate(try JSONParser().parse(text), against: .named("Thing"))
        #expect(found.map(\.rule) == [.deprecated, .deprecatedValue])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(validator.isValid(try JSONParser().parse(text), against: .named("Thing")))
    }

    @Test func validatesNestedSchemasAndNamesTheRule() throws {
        let text = #"{"locator": "01ARZ3NDEKTSV4RRFFQ69G5FAV", "count": 1, "state": "draft", "child": {"at": "2024-02-30T00:00:00Z"}}"#
        let validator = SchemaValidator(schemas: Self.schemas)
        let found = validator.validate(try JSONParser().parse(text), against: .named("Thing"))
        #expect(found.map(\.description) == [#"/child/at: format: expected datetime, got "2024-02-30T00:00:00Z""#])
        #expect(found.first?.schemaPath == "Child.at")
    }

    @Test func oneOfNamesTheClosestBranchAndItsIssues() throws {
        let validator = SchemaValidator(schemas: Self.schemas)
        let type = TypeRef.oneOf([.named("A"), .named("B")])
        let found = validator.validate(try JSONParser().parse(#"{"b": 1, "a2": 7}"#), against: type)
        #expect(found.map(\.description) == [#"(root): oneOf: expected exactly one of A, B, got no branch matched; member b selects B with 1 issue(s)"#])
        #expect(found.first?.details.map(\.description) == ["/c: required: expected property c (integer), got missing"])
        let both = validator.validate(try JSONParser().parse(#"{"a": "x", "b": 1, "c": 2}"#), against: type)
        #expect(both.map(\.actual) == ["matched A and B"])
        #expect(validator.validate(try JSONParser().parse(#"{"a": "x"}"#), against: type).isEmpty)
    }

    @Test func reportsUnknownSchemaNames() throws {
        #expect(try issues("{}", .named("Nope")) == ["(root): unknownSchema: expected a schema named Nope in the contract, got no such schema"])
    }

    @Test func boundsTheEchoOfLongUntrustedValues() throws {
        let long = String(repeating: "x", count: 500)
        let found = try issues(#"{"locator": "\#(long)", "count": 1, "state": "draft"}"#)
        #expect(found.first!.count < 200)
    }
}
