import Testing
import SuretyJSON
import SuretySchemas
@testable import SuretyContracts

@Suite struct OpenAPIExporterTests {
    static let document = OpenAPIExporter().export(ContractCompletenessTests.loaded.contract)

    @Test func exportsEveryOperationOnce() {
        let paths = Self.document["paths"]?.objectValue ?? []
        let operations = paths.flatMap { $0.value.objectValue ?? [] }
        #expect(operations.count == 77)
        #expect(Set(operations.compactMap { $0.value["operationId"]?.stringValue }).count == 77)
    }

    @Test func mapsFormatsOptionalityAndEnums() throws {
        let schema = try #require(Self.document["components"]?["schemas"]?["PolicyTransactionResponse"])
        #expect(schema["properties"]?["locator"] == .object(["type": "string", "format": "ulid", "pattern": .string(OpenAPIExporter.ulidPattern)]))
        #expect(schema["properties"]?["createdAt"]?["format"] == "date-time")
        #expect(schema["properties"]?["createdBy"]?["format"] == "uuid")
        #expect(schema["properties"]?["issuedTime"]?["type"] == ["string", "null"], "nullable as generators read it")
        #expect(schema["properties"]?["issuedTime"]?["format"] == "date-time")
        #expect(schema["required"]?.arrayValue?.contains("issuedTime") == false)
        #expect(schema["required"]?.arrayValue?.contains("transactionState") == true)
        #expect(schema["properties"]?["billingTrigger"]?["deprecated"] == true)
        #expect(schema["properties"]?["transactionState"]?["enum"]?.arrayValue?.count == 15)
    }

    @Test func carriesSecurityAndBothListShapes() throws {
        let operation = try #require(Self.document["paths"]?["/policy/{tenantLocator}/policies/{locator}/terms/list"]?["get"])
        #expect(operation["x-surety-security"]?["permissions"] == ["policies.read", "policies.list"])
        let shapes = operation["responses"]?["200"]?["content"]?["application/json"]?["schema"]?["oneOf"]?.arrayValue
        #expect(shapes?.first?["type"] == "array")
        #expect(shapes?.last?["$ref"] == "#/components/schemas/TermListResponse")
    }

    @Test func statesTheDiscriminatorTheChangeInstructionsImplyAndNoneForInvoicingData() throws {
        let operation = try #require(Self.document["paths"]?["/policy/{tenantLocator}/policies/{locator}/change"]?["patch"])
        let items = try #require(operation["requestBody"]?["content"]?["application/json"]?["schema"]?["items"])
        #expect(items["discriminator"]?["propertyName"] == "action")
        #expect(items["discriminator"]?["mapping"]?["params"] == "#/components/schemas/ParamsChangeInstructionCreateRequest")
        #expect(items["discriminator"]?["mapping"]?.objectValue?.count == 4)
        let invoicing = Self.document["components"]?["schemas"]?["InvoicingJobData"]?["properties"]?["invoicingData"]
        #expect(invoicing?["oneOf"]?.arrayValue?.count == 2)
        #expect(invoicing?["discriminator"] == nil)
    }

    @Test func theErrorShapeIsOneNamedSchemaThatDocumentsNestedIssues() throws {
        let problem = try #require(Self.document["components"]?["responses"]?["SuretyProblem"])
        #expect(problem["content"]?["application/json"]?["schema"]?["$ref"] == "#/components/schemas/SuretyProblem")
        let schema = try #require(Self.document["components"]?["schemas"]?["SuretyProblem"])
        #expect(schema["properties"]?["violations"]?["items"]?["$ref"] == "#/components/schemas/SuretyViolation")
        let violation = Self.document["components"]?["schemas"]?["SuretyViolation"]
        #expect(violation?["properties"]?["issues"]?["type"] == "array")
    }

    @Test func freeFormMapsAndNullableEnumsTakeShapesGeneratorsHandle() throws {
        let text = JSONWriter(style: .compact).string(Self.document)
        #expect(!text.contains(#""not""#), "no `not` schema, which swift-openapi-generator cannot express")
        #expect(!text.contains(#""anyOf""#), "no `null` branch, which swift-openapi-generator cannot express either")
        let preferences = Self.document["components"]?["schemas"]?["PreferencesResponse"]
        #expect(preferences?["type"] == ["object", "null"], "a schema referenced only as T? is nullable itself")
        #expect(Self.document["components"]?["schemas"]?["PolicyTransactionResponse"]?["type"] == "object")
        #expect(Self.document["components"]?["schemas"]?["PolicyTransactionResponse"]?["properties"]?["preferences"]
                == .object(["$ref": "#/components/schemas/PreferencesResponse"]))
        var maps: [JSONValue] = []
        func walk(_ value: JSONValue) {
            if let additional = value["additionalProperties"] { maps.append(additional) }
            for member in value.objectValue ?? [] { walk(member.value) }
            for element in value.arrayValue ?? [] { walk(element) }
        }
        walk(Self.document)
        #expect(maps.contains(true), "a free-form map is additionalProperties: true")
    }

    @Test func unspecifiedSuccessBodiesAreTypedAsInferredAndOperationsCarryTagsAndServers() throws {
        let change = try #require(Self.document["paths"]?["/policy/{tenantLocator}/policies/{locator}/change"]?["patch"])
        let ok = try #require(change["responses"]?["200"])
        #expect(ok["x-surety-inferred"] == true)
        #expect(ok["content"]?["application/json"]?["schema"]?["$ref"] == "#/components/schemas/PolicyTransactionResponse")
        #expect(change["tags"]?.arrayValue?.count == 1)
        #expect(Self.document["servers"]?[0]?["variables"]?["port"]?["default"] == "4010")
        #expect(Self.document["tags"]?.arrayValue?.count == 5)
    }

    @Test("members the contract declares as inferred (an add instruction's element, a charge's members) carry x-surety-inferred")
    func inferredMembersAreMarked() throws {
        let schemas = try #require(Self.document["components"]?["schemas"])
        #expect(schemas["AddChangeInstructionCreateRequest"]?["properties"]?["element"]?["x-surety-inferred"] == true)
        #expect(schemas["ChargeResponse"]?["properties"]?["amount"]?["x-surety-inferred"] == true)
        #expect(schemas["ChargeResponse"]?["properties"]?["amount"]?["type"] != nil, "typed, no longer any object")
        #expect(schemas["SegmentResponse"]?["properties"]?["locator"]?["x-surety-inferred"] == nil, "documented members are not marked")
    }
}
