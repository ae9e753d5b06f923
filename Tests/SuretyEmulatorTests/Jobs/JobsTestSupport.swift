import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

/// Helpers of the job tests: a client on a tenant, requests that must conform, and the built-in fixtures' locators.
enum JobsFixture {
    static let quote = "01J6A00000000000000000QA01"
    static let account = "01J6A00000000000000000AA01"

    /// A client of tenant B, whose jobs follow the default ``JobSettings`` (documents 5 s, installments 1 s + 5 s).
    static func tenantB(_ backend: EmulatedBackend) -> EmulatorClient {
        var client = EmulatorClient(backend: backend)
        client.token = "surety-token-b"
        client.tenant = BuiltInFixtures.tenantB
        return client
    }

    /// A fresh backend, a client of tenant B and a change (no instructions) on its policy.
    static func changeOnTenantB() throws -> (EmulatedBackend, EmulatorClient, String) {
        let backend = try EmulatorTestSupport.makeBackend()
        let client = tenantB(backend)
        return (backend, client, client.change(BuiltInFixtures.policyB1))
    }

    /// Adds a tenant C with one policy, `jobSettings` and `jobs`, and returns a client of it.
    static func tenantC(_ backend: EmulatedBackend, settings: String, jobs: String = "") throws -> EmulatorClient {
        let text = """
            {"tenants": [{"locator": "5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003", "products": [\(BuiltInFixtures.product)],
              "accounts": [{"locator": "01J6A00000000000000000AC01"}],
              "policies": [{"locator": "01J6A00000000000000000PC01", "accountLocator": "01J6A00000000000000000AC01",
                "productName": "PersonalAuto", "startTime": "2024-08-21T00:00:00Z", "endTime": "2025-08-21T00:00:00Z",
                "element": {"type": "PersonalAuto", "elements": [{"type": "Vehicle", "data": {"vin": "1HGCM82633A004352"}}]}}],
              "jobSettings": \(settings), "jobs": [\(jobs)]}]}
            """
        try backend.addFixtures(try EmulatorFixtures.load(bytes: Array(text.utf8), file: "tenant-c.json"))
        var client = EmulatorClient(backend: backend)
        client.token = "surety-admin"
        client.tenant = "5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003"
        return client
    }
}

extension EmulatorClient {
    /// Sends a request that must be answered `status` with a response the contract accepts; returns the body.
    @discardableResult
    func expect(_ status: Int, _ method: HTTPMethod, _ path: String, _ body: String? = nil,
                sourceLocation: Testing.SourceLocation = #_sourceLocation) -> JSONValue {
        let exchange = send(method, path, body)
        #expect(exchange.status == status, "\(method) \(path): \(exchange.json)", sourceLocation: sourceLocation)
        #expect(exchange.violations.isEmpty, "\(exchange.violations)", sourceLocation: sourceLocation)
        return exchange.json
    }

    /// Creates a change with no instructions on a policy and returns its locator.
    func change(_ policy: String) -> String {
        expect(200, .patch, "/policy/{t}/policies/\(policy)/change", "[]")["locator"]?.stringValue ?? ""
    }
}
