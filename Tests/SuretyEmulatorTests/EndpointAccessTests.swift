import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

/// Auth and tenancy on every endpoint of the policy part, from one table of real requests: 401 without a token,
/// 403 without the permission and for a tenant the token does not hold, 404 for the same locators in another
/// tenant, and an answer in the tenant that owns them.
@Suite struct EndpointAccessTests {
    /// Locators of real entities in tenant A, made by ``setUp(_:)``; the same on every fresh backend (seeded, stopped clock).
    struct Entities {
        var draft = "", instruction = "", issued = "", segment = "", term = ""
        let policy = BuiltInFixtures.policyA1
        let termNumber = "\(BuiltInFixtures.policyA1)-1"
    }

    static let params = #"{"action": "params", "effectiveTime": "2024-11-01T00:00:00Z"}"#

    /// Every endpoint of the part: its path values and body, built from the entities.
    static func table(_ e: Entities) -> [String: (path: [String: String], body: String?)] {
        let draft = ["locator": e.draft]
        return [
            "fetchTransaction": (draft, nil), "fetchPolicyTransactionWithUpdatedChanges": (draft, nil),
            "fetchTransactionSegment": (["locator": e.issued], nil), "fetchPolicySegment": (["segmentLocator": e.segment], nil),
            "fetchIssuedTransactions": (["locator": e.policy], nil),
            "createPolicyTransaction": (["locator": e.policy, "transactionType": "addVehicle"], "[\(params)]"),
            "changePolicy": (["locator": e.policy], "[\(params)]"), "renewPolicy": (["locator": e.policy], "[]"),
            "cancelPolicy": (["locator": e.policy], params), "reinstatePolicy": (["locator": e.policy], "[\(params)]"),
            "reversePolicyChange": (["locator": e.policy], #"{"baseLocator": "\#(e.issued)", "toTransaction": "\#(e.issued)", "reverseTransactions": ["\#(e.issued)"]}"#),
            "initializeTransaction": (draft, nil), "validateTransaction": (draft, nil), "priceTransaction": (draft, nil),
            "underwriteTransaction": (draft, nil), "acceptTransaction": (draft, nil), "issueTransaction": (draft, nil),
            "resetTransaction": (draft, LifecycleScenarioTests.resetBody), "refuseTransaction": (draft, nil), "discardTransaction": (draft, nil),
            "addElementsToPolicyWithTransaction": (draft, #"[{"type": "Vehicle", "data": {"vin": "V7"}}]"#),
            "updateElementsInPolicyWithTransaction": (draft, #"[]"#),
            "removeElementsFromPolicyWithTransaction": (draft, #"[]"#),
            "createPolicyChangeInstruction": (draft, #"{"action": "delete", "staticElementLocators": []}"#),
            "updateChangeInstruction": (["locator": e.draft, "instructionLocator": e.instruction], #"{"action": "delete", "staticElementLocators": []}"#),
            "deleteChangeInstructionFromTransaction": (["locator": e.draft, "instructionLocator": e.instruction], nil),
            "fetchTransactionPricing": (draft, nil), "fetchUnderwritingFlagsForTransaction": (draft, nil),
            "updateUnderwritingFlagsForPolicyTransaction": (draft, #"{"addFlags": [{"level": "info", "note": "n"}]}"#),
            "fetchPreferencesForATransaction": (draft, nil), "fetchAffectedTransactions": (["locator": e.issued], nil),
            "fetchTransactionSegments": (["locator": e.issued], nil),
            "fetchPolicySegmentEx": (["locator": e.issued, "segmentLocator": e.segment], nil),
            "fetchDocumentsForTransaction": (["locator": e.issued], nil), "fetchDocumentsForSegment": (["locator": e.segment], nil),
            "fetchTerm": (["locator": e.term], nil), "fetchTermsForPolicy": (["locator": e.policy], nil),
            "fetchTermPayable": (["locator": e.term], nil), "fetchTermSummary": (["locator": e.term], nil),
            "fetchPolicyTermSummary": (["locator": e.policy], nil), "fetchTermsByNumber": (["termNumber": e.termNumber], nil),
        ]
    }

    /// A fresh backend with a token that holds tenant A but no permission of this part, and the entities.
    func setUp() throws -> (EmulatedBackend, Entities) {
        let jobsOnly = #"{"token": "surety-jobs-only", "userLocator": "0b7e6f4c-1d2a-4c3b-8e9f-000000000009", "tenants": ["\#(BuiltInFixtures.tenantA)"], "permissions": ["jobs.read"]},"#
        let fixtures = try EmulatorFixtures.load(bytes: Array(BuiltInFixtures.json.replacingOccurrences(of: #""tokens": ["#, with: #""tokens": ["# + jobsOnly).utf8),
                                                 file: "fixtures")
        let backend = try EmulatedBackend(contract: EmulatorTestSupport.contract, fixtures: fixtures, clock: .manual(EmulatorTestSupport.start), seed: 42)
        let client = EmulatorClient(backend: backend)
        var e = Entities()
        let created = client.send(.patch, "/policy/{t}/policies/\(e.policy)/change", "[\(Self.params)]")
        e.draft = created.json["locator"]?.stringValue ?? ""
        e.instruction = client.send(.get, "/policy/{t}/transactions/\(e.draft)/elements/changes").json["changeInstructions"]?[0]?["locator"]?.stringValue ?? ""
        e.issued = client.send(.get, "/policy/{t}/policies/\(e.policy)/issuedTransactions/list").json[0]?["locator"]?.stringValue ?? ""
        let segment = client.send(.get, "/policy/{t}/transactions/\(e.issued)/segment").json
        e.segment = segment["locator"]?.stringValue ?? ""
        e.term = client.send(.get, "/policy/{t}/transactions/\(e.issued)").json["termLocator"]?.stringValue ?? ""
        return (backend, e)
    }

    func path(of endpoint: String, _ values: [String: String]) throws -> (HTTPMethod, String) {
        let contract = try #require(EmulatorTestSupport.contract.endpoint(id: endpoint))
        var path = contract.path.description.replacingOccurrences(of: "{tenantLocator}", with: "{t}")
        for (name, value) in values { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
        return (HTTPMethod(rawValue: contract.method), path)
    }

    @Test("the table covers exactly the 41 endpoints of the Policy Transactions and Policy Terms documents, and its locators are real")
    func tableIsComplete() throws {
        let (backend, entities) = try setUp()
        let part = Set(EmulatorTestSupport.contract.endpoints.filter { endpoint in
            ["policy-transactions.json", "policy-terms.json"].contains { endpoint.location?.file.hasSuffix($0) == true }
        }.map(\.id))
        #expect(part.count == 41)
        #expect(Set(Self.table(entities).keys) == part)
        #expect(part.isSubset(of: backend.implementedEndpointIDs))
        #expect([entities.draft, entities.instruction, entities.issued, entities.segment, entities.term].allSatisfy { $0.count == 26 })
    }

    @Test("every endpoint: 401 without a token, 403 without its permission, 403 for a tenant not held")
    func refusals() throws {
        let (backend, entities) = try setUp()
        for (id, request) in Self.table(entities).sorted(by: { $0.key < $1.key }) {
            let (method, path) = try path(of: id, request.path)
            var client = EmulatorClient(backend: backend)
            client.token = nil
            #expect(client.send(method, path, request.body).status == 401, "\(id) without a token")
            client.token = "surety-jobs-only"
            let forbidden = client.send(method, path, request.body)
            #expect(forbidden.status == 403, "\(id) without its permission")
            #expect(forbidden.json["detail"]?.stringValue?.hasPrefix("The token needs one of: ") == true, "\(id)")
            client.token = "surety-token-b"
            #expect(client.send(method, path, request.body).status == 403, "\(id) for a tenant the token does not hold")
        }
    }

    @Test("every endpoint: tenant A's locators are unknown in tenant B (404), and answered in tenant A")
    func isolation() throws {
        for (id, request) in Self.table(try setUp().1).sorted(by: { $0.key < $1.key }) {
            let (backend, entities) = try setUp()
            let (method, path) = try path(of: id, Self.table(entities)[id]!.path)
            var client = EmulatorClient(backend: backend)
            client.token = "surety-admin"
            client.tenant = BuiltInFixtures.tenantB
            let foreign = client.send(method, path, request.body)
            if id == "fetchTermsByNumber" {
                // A lookup by number, not by locator: another tenant's number matches nothing.
                #expect(foreign.status == 200 && foreign.json == [], "\(id) in tenant B")
            } else {
                #expect(foreign.status == 404, "\(id) in tenant B answered \(foreign.status)")
            }
            client.tenant = BuiltInFixtures.tenantA
            let own = client.send(method, path, request.body)
            #expect(![401, 403, 404].contains(own.status), "\(id) in tenant A answered \(own.status): \(own.json)")
            #expect(own.violations.filter(\.isError).isEmpty, "\(id): \(own.violations)")
        }
    }
}
