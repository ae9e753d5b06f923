import Testing
import SuretySchemas
@testable import SuretyContracts

@Suite struct ContractCompletenessTests {
    static let loaded = try! ContractLoader().load(directory: TestPaths.contracts)

    @Test func everyContractFileLoadsWithoutErrors() {
        let errors = (Self.loaded.diagnostics + ContractLinter().lint(Self.loaded.contract)).filter { $0.severity == .error }
        #expect(errors.map(\.description) == [])
    }

    @Test func coversTheSeventySevenEndpointsOfTheFiveDocuments() {
        let contract = Self.loaded.contract
        #expect(contract.endpoints.count == 77)
        #expect(Set(contract.endpoints.map(\.route)).count == 77)
        var byDocument: [String: Int] = [:]
        for endpoint in contract.endpoints { byDocument[endpoint.document, default: 0] += 1 }
        #expect(byDocument == [
            "000_c15dec93ad6eaf69.txt": 28, "001_40cd91cb6f62da8c.txt": 35, "002_7021d5da409d5d09.txt": 5,
            "003_4caf0c54bd8ef598.txt": 6, "004_248ae301feb36a8a.txt": 3,
        ])
    }

    @Test func transactionStateListsTheFifteenDocumentedStates() throws {
        let schema = try #require(Self.loaded.contract.schemas["PolicyTransactionResponse"])
        let state = try #require(schema.property(named: "transactionState"))
        #expect(state.type == .enumeration([
            "draft", "initialized", "validated", "earlyUnderwritten", "priced", "underwritten", "accepted", "issued",
            "underwrittenBlocked", "declined", "rejected", "refused", "discarded", "invalidated", "reversed",
        ]))
        #expect(schema.property(named: "billingTrigger")?.isDeprecated == true)
    }

    @Test func marksTheTwoDeprecatedSegmentEndpointsAndDocumentedBehaviours() throws {
        let contract = Self.loaded.contract
        #expect(contract.endpoint(id: "fetchTransactionSegments")?.isDeprecated == true)
        #expect(contract.endpoint(id: "fetchPolicySegmentEx")?.isDeprecated == true)
        #expect(contract.endpoint(id: "validateTransaction")?.validationFailureAnswers200 == true)
        let jobs = try #require(contract.endpoint(id: "fetchMultipleDocumentsJobsForTransaction"))
        #expect(jobs.list?.unknownReference == .emptyList)
        #expect(jobs.list?.extended == true)
        #expect(jobs.responseType(status: 200, extended: false) == .array(jobs.list!.itemType))
        #expect(jobs.responseType(status: 200, extended: true) == .named("DocumentJobListResponse"))
    }

    @Test func everyEndpointHasAPermissionAndEveryPathParameterAFormat() {
        for endpoint in Self.loaded.contract.endpoints {
            #expect(!endpoint.security.permissions.isEmpty, "\(endpoint.id)")
            let tenant = endpoint.parameters.first { $0.name == "tenantLocator" }
            #expect(tenant?.type == .primitive(.uuid), "\(endpoint.id) tenantLocator")
        }
    }
}
