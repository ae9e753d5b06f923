import SuretyEmulator
import SuretyJSON
import SuretySchemas
import Testing

@Suite struct FixtureTests {
    @Test("the built-in fixtures load without issues: two tenants, five tokens, five policies")
    func builtIn() throws {
        let fixtures = try EmulatorFixtures.load(bytes: Array(BuiltInFixtures.json.utf8), file: "built-in")
        #expect(fixtures.tenants.count == 2)
        #expect(fixtures.tokens.count == 5)
        #expect(fixtures.tenants.flatMap(\.policies).count == 5)
    }

    @Test("every fixture problem is reported with file, line, column, pointer and reason")
    func errors() {
        let text = """
        {"tenants": [{"locator": "not-a-uuid", "products": [{"name": "P", "elementTypes": [],
          "rates": [{"elementType": "V", "chargeType": "premium", "annualAmount": 1.234}]}],
          "policies": [{"accountLocator": "01J6A00000000000000000AA01", "productName": "Q",
            "startTime": "2024-01-01T00:00:00Z", "endTime": "yesterday", "element": {"type": "P"}}]}],
         "tokens": [{"token": "t", "userLocator": "0b7e6f4c-1d2a-4c3b-8e9f-000000000001", "tenants": ["*"], "permissions": "all"}]}
        """
        #expect(throws: FixtureErrors.self) { try EmulatorFixtures.load(bytes: Array(text.utf8), file: "f.json") }
        do {
            _ = try EmulatorFixtures.load(bytes: Array(text.utf8), file: "f.json")
        } catch {
            #expect(error.issues.map(\.description) == [
                #"f.json:1:26: error: expected a uuid, found "not-a-uuid" [at /tenants/0/locator]"#,
                "f.json:2:75: error: expected an amount with at most 2 decimals, found 1.234 [at /tenants/0/products/0/rates/0/annualAmount]",
                #"f.json:4:53: error: expected an RFC 3339 datetime, found "yesterday" [at /tenants/0/policies/0/endTime]"#,
                "f.json:3:80: error: unknown product Q [at /tenants/0/policies/0/productName]",
                "f.json:3:35: error: unknown account 01J6A00000000000000000AA01 [at /tenants/0/policies/0/accountLocator]",
                "f.json:5:116: error: expected an array, found string [at /tokens/0/permissions]",
            ])
        }
    }

    @Test("amounts past 10^15 minor units and a currencyScale other than the currency's are reported, not overflowed (a crash before)")
    func amountBounds() {
        let text = """
        {"tenants": [{"locator": "5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003", "products": [{"name": "P", "elementTypes": [], "currencyScale": 40,
          "rates": [{"elementType": "V", "chargeType": "a", "annualAmount": 92233720368547758.07},
                    {"elementType": "V", "chargeType": "b", "annualAmount": 10000000000000.01},
                    {"elementType": "V", "chargeType": "c", "annualAmount": -10000000000000},
                    {"elementType": "V", "chargeType": "d", "annualAmount": "1.-5"}]}]}]}
        """
        do {
            _ = try EmulatorFixtures.load(bytes: Array(text.utf8), file: "f.json")
            Issue.record("expected fixture errors")
        } catch {
            #expect(error.issues.map { "\($0.reason) [at \($0.pointer?.description ?? "")]" } == [
                #"invalid(expected: "2, the ISO 4217 minor unit of USD", actual: "40") [at /tenants/0/products/0/currencyScale]"#,
                #"invalid(expected: "an amount of at most 1000000000000000 minor units", actual: "92233720368547758.07") [at /tenants/0/products/0/rates/0/annualAmount]"#,
                #"invalid(expected: "an amount of at most 1000000000000000 minor units", actual: "10000000000000.01") [at /tenants/0/products/0/rates/1/annualAmount]"#,
                #"invalid(expected: "an amount with at most 2 decimals", actual: "1.-5") [at /tenants/0/products/0/rates/3/annualAmount]"#,
            ], "-10^15 minor units, at the limit, is taken")
        }
    }

    @Test("a syntax error is one issue with its position")
    func syntax() {
        #expect(throws: FixtureErrors(issues: [FixtureIssue(file: "f.json", position: .init(line: 1, column: 2), pointer: .root,
                                                            reason: .syntax("unexpected end of input: expected a key or '}'"))])) {
            try EmulatorFixtures.load(bytes: Array("{".utf8), file: "f.json")
        }
    }

    @Test("fixtures added at run time are served, survive reset, and clash with existing locators as a whole")
    func addAndReset() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let extra = try EmulatorFixtures.load(bytes: Array("""
            {"tenants": [{"locator": "5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003", "products": [\(BuiltInFixtures.product)],
              "accounts": [{"locator": "01J6A00000000000000000AA09"}],
              "policies": [{"locator": "01J6A00000000000000000PA09", "accountLocator": "01J6A00000000000000000AA09",
                "productName": "PersonalAuto", "startTime": "2024-08-21T00:00:00Z", "endTime": "2025-08-21T00:00:00Z",
                "element": {"type": "PersonalAuto"}}]}]}
            """.utf8), file: "extra.json")
        #expect(throws: FixtureErrors.self) { try EmulatorFixtures.load(bytes: [], file: "x") }
        try backend.addFixtures(extra)
        var client = EmulatorClient(backend: backend)
        client.token = "surety-admin"
        client.tenant = "5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003"
        #expect(client.send(.get, "/policy/{t}/policies/01J6A00000000000000000PA09/terms/list").status == 200)
        #expect(client.send(.patch, "/policy/{t}/policies/01J6A00000000000000000PA09/change", "[]").status == 200)
        try backend.reset()
        #expect(client.send(.get, "/policy/{t}/policies/01J6A00000000000000000PA09/terms/list").status == 200)
        #expect { try backend.addFixtures(extra) } throws: { error in
            guard case EmulatorAdminError.fixtures = error else { return false }
            return true
        }
    }

    @Test("the clock can be set and advanced, and reset keeps the time")
    func clock() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        try backend.advanceClock(bySeconds: 86_400)
        #expect(backend.now() == Timestamp(rfc3339: "2024-10-02T00:00:00Z"))
        try backend.reset()
        #expect(backend.now() == Timestamp(rfc3339: "2024-10-02T00:00:00Z"))
        try backend.setClock(to: Timestamp(rfc3339: "2025-01-01T00:00:00Z")!)
        let created = EmulatorClient(backend: backend).send(.patch, "/policy/{t}/policies/\(BuiltInFixtures.policyA1)/change", "[]")
        #expect(created.json["effectiveTime"] == "2025-01-01T00:00:00.000000Z")
    }
}

/// A fixture element's `staticLocator` pins the locator a test names in a `modify` instruction; repeated in one tree
/// it is reported.
@Suite struct PinnedStaticLocatorTests {
    static let tenant = "5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001"
    static let vehicle = "01J6V00000000000000000VE01"

    static func fixtures(vehicle: String = vehicle, driver: String = "01J6V00000000000000000DR01") -> String {
        """
        {"tenants": [{"locator": "\(tenant)", "name": "A",
          "products": [{"name": "Auto", "currency": "USD", "elementTypes": [{"name": "Auto"}, {"name": "Vehicle"}, {"name": "Driver"}],
                        "rates": [{"elementType": "Vehicle", "chargeType": "premium", "annualAmount": 600}]}],
          "accounts": [{"locator": "01J6A00000000000000000AA01", "name": "Ada"}],
          "policies": [{"locator": "01J6B00000000000000000PA01", "accountLocator": "01J6A00000000000000000AA01", "productName": "Auto",
                        "startTime": "2024-08-21T00:00:00Z", "endTime": "2025-08-21T00:00:00Z",
                        "element": {"type": "Auto", "elements": [{"type": "Vehicle", "staticLocator": "\(vehicle)", "data": {"vin": "A"}},
                                                                  {"type": "Driver", "staticLocator": "\(driver)"}]}}]}],
         "tokens": [{"token": "t", "userLocator": "0b7e6f4c-1d2a-4c3b-8e9f-000000000001", "tenants": ["\(tenant)"], "permissions": ["*"]}]}
        """
    }

    @Test("a pinned static locator is the element's, and a modify instruction naming it changes that element")
    func pinnedLocatorIsModifiable() throws {
        let fixtures = try EmulatorFixtures.load(bytes: Array(Self.fixtures().utf8), file: "f.json")
        let backend = try EmulatedBackend(contract: EmulatorTestSupport.contract, fixtures: fixtures,
                                          clock: .manual(EmulatorTestSupport.start), seed: 7)
        let client = EmulatorClient(backend: backend, token: "t", tenant: Self.tenant)
        let change = client.send(.patch, "/policy/{t}/policies/01J6B00000000000000000PA01/change", """
            [{"action": "params", "effectiveTime": "2024-11-01T00:00:00Z"},
             {"action": "modify", "staticLocator": "\(Self.vehicle)", "setData": {"vin": "B"}, "removeData": {},
              "setCoverageTerms": {}, "removeCoverageTerms": {}}]
            """)
        #expect(change.status == 200 && change.violations.isEmpty, "\(change.violations)")
        let locator = change.json["locator"]?.stringValue ?? ""
        let issued = client.send(.patch, "/policy/{t}/transactions/\(locator)/issue")
        #expect(issued.status == 200 && issued.json["transactionState"] == "issued")
        let segment = client.send(.get, "/policy/{t}/transactions/\(locator)/segment")
        let vehicles = segment.json["element"]?["elements"]?.arrayValue?.filter { $0["type"] == "Vehicle" } ?? []
        #expect(vehicles.map { $0["staticLocator"] } == [.string(Self.vehicle)])
        #expect(vehicles.first?["data"]?["vin"] == "B")
    }

    @Test("a static locator repeated in one tree, or not a ULID, is reported at its pointer")
    func repeatedOrMalformed() {
        for (text, expected) in [
            (Self.fixtures(driver: Self.vehicle), "duplicate element staticLocator \(Self.vehicle) [at /tenants/0/policies/0/element/elements/1/staticLocator]"),
            (Self.fixtures(vehicle: "vehicle-1"), #"expected a ulid, found "vehicle-1" [at /tenants/0/policies/0/element/elements/0/staticLocator]"#),
        ] {
            do {
                _ = try EmulatorFixtures.load(bytes: Array(text.utf8), file: "f.json")
                Issue.record("expected a fixture error")
            } catch {
                #expect(error.issues.map { "\($0.reason.message) [at \($0.pointer?.description ?? "")]" } == [expected])
            }
        }
    }
}
