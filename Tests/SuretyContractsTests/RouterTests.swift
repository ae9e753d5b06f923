import Testing
@testable import SuretyContracts

@Suite struct RouterTests {
    static let contract: Contract = {
        let loaded = try! ContractLoader().load(directory: TestPaths.contracts)
        return loaded.contract
    }()
    let tenant = "123e4567-e89b-12d3-a456-426614174000"
    let locator = "01ARZ3NDEKTSV4RRFFQ69G5FAV"

    func route(_ method: String, _ path: String) -> Router.Match {
        Self.contract.makeRouter().route(method: method, path: path)
    }

    func endpointID(_ method: String, _ path: String) -> String? {
        if case .endpoint(let endpoint, _) = route(method, path) { return endpoint.id }
        return nil
    }

    @Test func aLiteralSegmentBeatsAParameterForSegments() {
        #expect(endpointID("GET", "/policy/\(tenant)/transactions/segments/\(locator)") == "fetchPolicySegment")
        #expect(endpointID("GET", "/policy/\(tenant)/transactions/\(locator)/segment") == "fetchTransactionSegment")
        #expect(endpointID("GET", "/policy/\(tenant)/transactions/segments/segment") == "fetchPolicySegment")
    }

    @Test func termNumbersBeatTermLocators() {
        #expect(endpointID("GET", "/policy/\(tenant)/terms/numbers/T-0001") == "fetchTermsByNumber")
        #expect(endpointID("GET", "/policy/\(tenant)/terms/\(locator)/summary") == "fetchTermSummary")
        #expect(endpointID("GET", "/policy/\(tenant)/terms/numbers/summary") == "fetchTermsByNumber")
    }

    @Test func namedTransactionTypesBeatTheGenericOne() {
        #expect(endpointID("PATCH", "/policy/\(tenant)/policies/\(locator)/change") == "changePolicy")
        #expect(endpointID("PATCH", "/policy/\(tenant)/policies/\(locator)/renew") == "renewPolicy")
        #expect(endpointID("PATCH", "/policy/\(tenant)/policies/\(locator)/endorse") == "createPolicyTransaction")
    }

    @Test func capturesPercentDecodedPathParameters() {
        guard case .endpoint(let endpoint, let parameters) = route("GET", "/policy/\(tenant)/terms/numbers/T%2F1") else {
            Issue.record("no match")
            return
        }
        #expect(endpoint.id == "fetchTermsByNumber")
        #expect(parameters == ["tenantLocator": tenant, "termNumber": "T/1"])
    }

    @Test func aPercentEncodedLiteralSegmentIsTheLiteral() {
        #expect(endpointID("GET", "/policy/\(tenant)/terms/%6Eumbers/T-0001") == "fetchTermsByNumber")
        #expect(endpointID("GET", "/policy/\(tenant)/transactions/%73egments/\(locator)") == "fetchPolicySegment")
        #expect(Router.segments(of: "/a%2Fb/c") == ["a/b", "c"])
    }

    @Test func aKnownPathWithAnotherMethodIsMethodNotAllowed() {
        #expect(route("DELETE", "/policy/\(tenant)/transactions/\(locator)") == .methodNotAllowed(allowed: ["GET"]))
        #expect(route("GET", "/policy/\(tenant)/policies/\(locator)/change") == .methodNotAllowed(allowed: ["PATCH"]))
        #expect(route("POST", "/policy/\(tenant)/transactions/\(locator)/elements") == .methodNotAllowed(allowed: ["DELETE", "PATCH", "PUT"]))
    }

    @Test func anUnknownPathIsNotFoundWithTheNearestRoutes() {
        guard case .notFound(let nearest) = route("GET", "/policy/\(tenant)/transaction/\(locator)") else {
            Issue.record("expected not found")
            return
        }
        #expect(nearest.count == 3)
        #expect(nearest.first?.id == "fetchTransaction")
    }

    @Test func anEmptySegmentMatchesNoParameter() {
        if case .endpoint = route("GET", "/policy/\(tenant)/transactions/") { Issue.record("an empty locator must not match") }
    }
}
