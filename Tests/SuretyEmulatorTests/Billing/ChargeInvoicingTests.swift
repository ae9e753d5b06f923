import Foundation
import SuretyEmulator
import SuretyJSON
import Testing

/// A product's `chargeInvoicing` decides which charges a billing preview spreads and which it queues, and how.
@Suite struct ChargeInvoicingTests {
    /// The preview of a 600 premium and a 25 fee on tenant C, whose product invoices charges as `invoicing` says.
    static func preview(invoicing: String, preferences: String = "") throws -> JSONValue {
        let backend = try EmulatorTestSupport.makeBackend()
        let fixtures = BillingConfigurationTests.fixtures(billing: #"{"chargeInvoicing": \#(invoicing)}"#)
        try backend.addFixtures(try EmulatorFixtures.load(bytes: Array(fixtures.utf8), file: "c.json"))
        var client = EmulatorClient(backend: backend)
        client.token = "surety-admin"
        client.tenant = BillingConfigurationTests.tenantC
        let request = #"{"accountLocator":"01J6A00000000000000000AC01","productName":"PersonalAuto","termStartTime":"2024-10-01T00:00:00Z","termEndTime":"2025-10-01T00:00:00Z","charges":[{"chargeType":"premium","amount":600},{"chargeType":"fee","amount":25}]\#(preferences)}"#
        return client.expect(200, .get, "/billing/{t}/installments/quotes/statelessPreview?quotePreviewRequest=\(request.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
    }

    /// The queued charges as chargeType → invoicing.
    static func queued(_ preview: JSONValue) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (preview["queuedPolicyCharges"]?.arrayValue ?? []).compactMap { item in
            item["chargeType"]?.stringValue.map { ($0, item["chargeMetadata"]?["invoicing"]?.stringValue ?? "?") }
        })
    }

    @Test("a charge type invoiced next or immediate is queued with that invoicing and not spread; a scheduled one is spread",
          arguments: ["next", "immediate"])
    func queuedNotSpread(invoicing: String) throws {
        let preview = try Self.preview(invoicing: #"{"fee": "\#(invoicing)", "premium": "scheduled"}"#)
        #expect(Self.queued(preview) == ["fee": invoicing])
        let items = (preview["installments"]?.arrayValue ?? []).flatMap { $0["installmentItems"]?.arrayValue ?? [] }
        #expect(!items.isEmpty && items.allSatisfy { $0["chargeType"] == "premium" })
    }

    @Test("with cadence none every charge is queued: a scheduled one as scheduled (it waits for a schedule), an unnamed one for the next invoice")
    func cadenceNone() throws {
        let preview = try Self.preview(invoicing: #"{"premium": "scheduled"}"#,
                                       preferences: #","installmentPreferences":{"cadence":"none","installmentWeights":[]}"#)
        #expect(Self.queued(preview) == ["premium": "scheduled", "fee": "next"])
        #expect(preview["installments"] == [])
    }

    @Test("an invoicing other than scheduled, next or immediate is a fixture error")
    func badInvoicing() {
        let fixtures = BillingConfigurationTests.fixtures(billing: #"{"chargeInvoicing": {"fee": "later"}}"#)
        #expect(throws: (any Error).self) { try EmulatorFixtures.load(bytes: Array(fixtures.utf8), file: "c.json") }
    }
}
