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
        #expect(schema["properties"]?["issuedTime"]?["anyOf"]?[1] == .object(["type": "null"]))
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

    @Test func theErrorShapeDocumentsNestedIssues() throws {
        let problem = try #require(Self.document["components"]?["responses"]?["SuretyProblem"])
        let violation = problem["content"]?["application/json"]?["schema"]?["properties"]?["violations"]?["items"]
        #expect(violation?["properties"]?["issues"]?["type"] == "array")
    }
}
