import Foundation
import Testing
@testable import SuretyCommands

/// `surety schemas` lists every name `--schema` accepts.
@Suite struct SchemasCommandTests {
    @Test func listsEverySchemaWithItsPropertyCountsFileAndDocument() async throws {
        let result = await surety(["schemas"] + contractsArgument)
        #expect(result.code == .success)
        let lines = result.out.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.first == "NAME PROPERTIES REQUIRED FILE DOCUMENT")
        #expect(lines.contains("ParamsChangeInstructionCreateRequest 7 2 policy-transactions.json 001_40cd91cb6f62da8c.txt"))
        #expect(lines.contains("ImmediateInvoicingData 2 2 jobs.json 000_c15dec93ad6eaf69.txt"))
        #expect(result.out.hasSuffix("\n83 schemas\n"))
    }

    @Test func jsonFormatHasOneObjectPerSchema() async throws {
        let result = await surety(["schemas", "--format", "json"] + contractsArgument)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        #expect(rows.count == 83)
        let add = try #require(rows.first { $0["name"] as? String == "AddChangeInstructionCreateRequest" })
        #expect(add["properties"] as? Int == 3, "action, and the inferred element and elements")
        #expect(add["file"] as? String == "policy-transactions.json")
    }
}
