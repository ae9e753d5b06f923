import Foundation
import SuretyConformance
import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas
import SuretyTestSupport
import Testing

/// Billing configuration from fixtures, the accept trigger, the stateless preview and the endpoints over a socket.
@Suite struct BillingConfigurationTests {
    static let tenantC = "5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003"

    /// A recording client as tenant C's admin, on a backend with the built-in fixtures and tenant C's product
    /// configured by `billing`.
    static func client(billing: String) throws -> RecordingClient {
        let backend = try EmulatorTestSupport.makeBackend()
        try backend.addFixtures(try EmulatorFixtures.load(bytes: Array(fixtures(billing: billing).utf8), file: "c.json"))
        var inner = EmulatorClient(backend: backend)
        inner.token = "surety-admin"
        inner.tenant = tenantC
        let client = RecordingClient(backend: backend)
        client.client = inner
        return client
    }

    /// A tenant with one product configured by `billing` and one policy on it.
    static func fixtures(billing: String) -> String {
        let product = BuiltInFixtures.product.replacingOccurrences(of: #""billing": {"#, with: #""unused": {"#)
            .replacingOccurrences(of: #""name": "PersonalAuto","#, with: #""name": "PersonalAuto", "billing": \#(billing),"#)
        return """
        {"tenants": [{"locator": "\(tenantC)", "products": [\(product)],
          "accounts": [{"locator": "01J6A00000000000000000AC01"}],
          "policies": [{"locator": "01J6A00000000000000000PC01", "accountLocator": "01J6A00000000000000000AC01",
            "productName": "PersonalAuto", "startTime": "2024-08-21T00:00:00Z", "endTime": "2025-08-21T00:00:00Z",
            "element": {"type": "PersonalAuto", "elements": [{"type": "Vehicle", "data": {"vin": "C1"}}]}}]}]}
        """
    }

    @Test("billing fixture problems are reported with file, line, column, pointer and reason")
    func fixtureErrors() {
        let text = """
        {"tenants": [{"locator": "\(Self.tenantC)", "products": [{"name": "P", "elementTypes": [],
          "billing": {"trigger": "bind", "installmentPlans": [{"name": "a", "cadence": "fortnightly"},
            {"name": "a", "cadence": "monthly", "anchorType": "dayOfMonth", "dayOfMonth": 40}]}}],
          "accounts": [{"locator": "01J6A00000000000000000AC01"}],
          "quotes": [{"locator": "01J6A00000000000000000QC01", "accountLocator": "01J6A00000000000000000AC01", "productName": "P",
            "billing": {"termStartTime": "2024-01-01T00:00:00Z", "charges": [{"chargeType": "premium"}],
                        "installmentPreferences": {"installmentPlanName": "b", "installmentWeights": []}}}]}]}
        """
        do {
            _ = try EmulatorFixtures.load(bytes: Array(text.utf8), file: "b.json")
            Issue.record("expected fixture errors")
        } catch {
            #expect(error.issues.map(\.description) == [
                #"b.json:2:80: error: expected one of none | fullPay | weekly | everyOtherWeek | monthly | quarterly | semiannually | annually | thirtyDays | everyNDays, found "fortnightly" [at /tenants/0/products/0/billing/installmentPlans/0/cadence]"#,
                "b.json:3:5: error: expected consistent settings, found dayOfMonth must be 1–31, found 40 [at /tenants/0/products/0/billing/installmentPlans/1]",
                "b.json:2:54: error: duplicate installment plan a [at /tenants/0/products/0/billing/installmentPlans]",
                #"b.json:2:26: error: expected one of issue | accept, found "bind" [at /tenants/0/products/0/billing/trigger]"#,
                "b.json:6:16: error: expected a value, found nothing [at /tenants/0/quotes/0/billing/termEndTime]",
                "b.json:6:70: error: expected a number, found nothing [at /tenants/0/quotes/0/billing/charges/0/amount]",
            ])
        }
        let unknownPlan = text.replacingOccurrences(of: #""termStartTime""#, with: #""termEndTime": "2025-01-01T00:00:00Z", "termStartTime""#)
            .replacingOccurrences(of: #"[{"chargeType": "premium"}]"#, with: #"[{"chargeType": "premium", "amount": 1}]"#)
            .replacingOccurrences(of: #""trigger": "bind", "#, with: "").replacingOccurrences(of: #""fortnightly""#, with: #""weekly""#)
            .replacingOccurrences(of: #""dayOfMonth": 40"#, with: #""dayOfMonth": 4"#).replacingOccurrences(of: #"{"name": "a", "cadence": "monthly""#, with: #"{"name": "c", "cadence": "monthly""#)
        do {
            _ = try EmulatorFixtures.load(bytes: Array(unknownPlan.utf8), file: "b.json")
            Issue.record("expected the unknown plan to be reported")
        } catch {
            #expect(error.issues.map(\.description) == [
                "b.json:7:43: error: expected preferences the product's plans accept, found /installmentPlanName: no installment plan b (the product has: a, c). [at /tenants/0/quotes/0/billing/installmentPreferences]",
            ])
        }
    }

    @Test("with the accept trigger a transaction is billed when accepted, and its installments go when it is refused")
    func acceptTrigger() throws {
        let client = try Self.client(billing: #"{"trigger": "accept", "remainder": "firstItem"}"#)
        let body = #"[{"action": "params", "effectiveTime": "2024-08-21T00:00:00Z"}, {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "C2"}}}]"#
        let change = client.create("01J6A00000000000000000PC01", "change", body)
        #expect(client.operate(change, "accept") == "accepted")
        let installments = try #require(client.send(.get, "/billing/{t}/installments/transactions/\(change)/list").json.arrayValue)
        #expect(installments.count == 12)
        // remainder firstItem: the seeded policy's 25.00 fee puts its extra cents one each on the first installments.
        let seeded = try #require(client.send(.get, "/billing/{t}/installments/policies/01J6A00000000000000000PC01/list").json.arrayValue)
        #expect(BillingFlowTests.amounts(Array(seeded.prefix(12)), chargeType: "fee") == Array(repeating: "2.09", count: 4) + Array(repeating: "2.08", count: 8))
        #expect(client.operate(change, "refuse") == "refused")
        #expect(client.send(.get, "/billing/{t}/installments/transactions/\(change)/list").json == [])
        #expect(client.send(.get, "/billing/{t}/installments/policies/01J6A00000000000000000PC01/list").json.arrayValue?.count == 12)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("statelessPreview computes what a quote's stored billing holds, and stores nothing")
    func preview() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let client = RecordingClient(backend: backend)
        let before = backend.snapshot
        let request = #"{"accountLocator":"01J6A00000000000000000AA01","productName":"PersonalAuto","termStartTime":"2024-10-01T00:00:00Z","termEndTime":"2025-10-01T00:00:00Z","charges":[{"chargeType":"premium","amount":600},{"chargeType":"fee","amount":25}],"invoiceFeeAmount":1.5}"#
        let encoded = request.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let preview = client.send(.get, "/billing/{t}/installments/quotes/statelessPreview?quotePreviewRequest=\(encoded)")
        #expect(preview.status == 200)
        #expect(backend.snapshot == before)
        let stored = try #require(client.send(.get, "/billing/{t}/installments/quotes/01J6A00000000000000000QA01/list").json.arrayValue)
        let previewed = try #require(preview.json["installments"]?.arrayValue)
        for key in ["installmentStartTime", "installmentEndTime", "dueTime", "generateTime", "autopayTime", "coverageDuration"] {
            #expect(previewed.map { $0[key] } == stored.map { $0[key] }, "\(key)")
        }
        #expect(BillingFlowTests.amounts(previewed, chargeType: "fee") == BillingFlowTests.amounts(stored, chargeType: "fee"))
        #expect(preview.json["queuedPolicyCharges"]?[0]?["chargeType"] == "invoiceFee")
        #expect(preview.json["queuedPolicyCharges"]?[0]?["amount"]?.numberValue?.literal == "1.50")
        #expect(preview.json["settings"]?["installmentSettings"]?["cadence"] == "monthly")
        let none = request.replacingOccurrences(of: #""invoiceFeeAmount":1.5"#, with: #""installmentPreferences":{"cadence":"none","installmentWeights":[]}"#)
        let queued = client.send(.get, "/billing/{t}/installments/quotes/statelessPreview?quotePreviewRequest=\(none.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
        #expect(queued.json["installments"] == [])
        #expect(queued.json["queuedPolicyCharges"]?.arrayValue?.compactMap { $0["chargeSource"]?.stringValue } == ["policy", "policy"])
        let badPlan = request.replacingOccurrences(of: #""invoiceFeeAmount":1.5"#, with: #""installmentPreferences":{"installmentPlanName":"weekly","installmentWeights":[]}"#)
        #expect(client.send(.get, "/billing/{t}/installments/quotes/statelessPreview?quotePreviewRequest=\(badPlan.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)").status == 422)
        #expect(client.violations.isEmpty, "\(client.violations)")
    }

    @Test("a preview's amount past 10^9 major units is a 400 and lead days past 3660 a 422, never a trap; at the limits it is spread")
    func previewBounds() throws {
        let client = RecordingClient(backend: try EmulatorTestSupport.makeBackend())
        func preview(_ amount: String, leadDays: Int = 0) -> EmulatorClient.Exchange {
            let request = #"{"accountLocator":"01J6A00000000000000000AA01","productName":"PersonalAuto","termStartTime":"2024-10-01T00:00:00Z","termEndTime":"2025-10-01T00:00:00Z","charges":[{"chargeType":"premium","amount":\#(amount)}],"installmentPreferences":{"generateLeadDays":\#(leadDays),"installmentWeights":[]}}"#
            return client.send(.get, "/billing/{t}/installments/quotes/statelessPreview?quotePreviewRequest=\(request.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        }
        let huge = preview("1e30")
        #expect(huge.status == 400)
        #expect(huge.json["detail"]?.stringValue?.contains("at most 1000000000") == true, "\(huge.json)")
        #expect(preview("-1000000000.01").status == 400)
        let limit = preview("1000000000", leadDays: 3_660)
        #expect(limit.status == 200)
        #expect(BillingFlowTests.amounts(limit.json["installments"]?.arrayValue ?? [], chargeType: "premium").count == 12)
        #expect(preview("1", leadDays: 3_661).status == 422)
        #expect(preview("1", leadDays: 1_000_000_000_000_000).status == 422)
    }

    @Test("billing reads need an installments or installment-lattices permission, and stay inside their tenant")
    func permissionsAndTenants() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        var client = EmulatorClient(backend: backend)
        client.token = "surety-readonly"
        let denied = client.send(.get, "/billing/{t}/installments/policies/\(BuiltInFixtures.policyA1)/list")
        #expect(denied.status == 403)
        #expect(denied.json["detail"] == "The token needs one of: installments.read, installments.list.")
        client.token = "surety-admin"
        #expect(client.send(.get, "/billing/{t}/installmentLattices/policies/\(BuiltInFixtures.policyB1)/list").json == [])
        client.tenant = BuiltInFixtures.tenantB
        #expect(client.send(.get, "/billing/{t}/installmentLattices/policies/\(BuiltInFixtures.policyB1)/list").json.arrayValue?.count == 1)
        #expect(client.send(.get, "/billing/{t}/installmentLattices/quotes/01J6A00000000000000000QA01").status == 404)
    }

    @Test("every endpoint of the Installments and Installment Lattices documents has a handler")
    func everyEndpointImplemented() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let billing = Set(EmulatorTestSupport.contract.endpoints.filter { endpoint in
            ["installments.json", "installment-lattices.json"].contains { endpoint.location?.file.hasSuffix($0) == true }
        }.map(\.id))
        #expect(billing.count == 8)
        #expect(billing.subtracting(backend.implementedEndpointIDs).isEmpty, "\(billing.subtracting(backend.implementedEndpointIDs).sorted())")
    }

    @Test("over a real socket with URLSession: list, PATCH and preview through the validating server, no violations")
    func overSocket() async throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let responder = EmulatorTestSupport.checker.validating(backend)
        let tenant = BuiltInFixtures.tenantA
        let auth = ["Authorization": "Bearer surety-token"]
        try await LoopbackServer.with(responder) { base in
            let list = try await URLSessionClient.send("\(base)/billing/\(tenant)/installments/policies/\(BuiltInFixtures.policyA1)/list?extended=true",
                                                       headers: auth, timeout: 30)
            #expect(list.status == 200)
            #expect(list.headers[SuretyHeaders.violationCount.lowercased()] == nil)
            let page = try JSONParser().parse(list.body).value()
            #expect(page["items"]?.arrayValue?.count == 12)
            #expect(page["listCompleted"] == true)
            let first = try #require(page["items"]?[0]?["locator"]?.stringValue)
            let patch = try await URLSessionClient.send("\(base)/billing/\(tenant)/installments", method: "PATCH",
                                                        headers: auth.merging(["Content-Type": "application/json"]) { $1 },
                                                        body: Array(#"{"installmentLocators": ["\#(first)"], "dueTime": "2024-08-22T00:00:00Z"}"#.utf8), timeout: 30)
            #expect(patch.status == 200)
            #expect(try JSONParser().parse(patch.body).value()[0]?["dueTime"] == "2024-08-22T00:00:00.000000Z")
            let lattices = try await URLSessionClient.send("\(base)/billing/\(tenant)/installmentLattices/policies/\(BuiltInFixtures.policyA1)/list",
                                                           headers: auth, timeout: 30)
            let settings = try #require(try JSONParser().parse(lattices.body).value()[0]?["settingsLocator"]?.stringValue)
            let fetched = try await URLSessionClient.send("\(base)/billing/\(tenant)/settings/\(settings)", headers: auth, timeout: 30)
            #expect(fetched.status == 200)
            #expect(fetched.headers[SuretyHeaders.violationCount.lowercased()] == nil)
            #expect(try await URLSessionClient.send("\(base)/billing/\(tenant)/settings/\(settings)", timeout: 30).status == 401)
        }
    }
}
