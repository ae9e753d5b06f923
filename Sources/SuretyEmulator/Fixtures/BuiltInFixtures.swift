import SuretySchemas

/// The built-in fixtures, so that `surety serve --emulate` works with no file.
///
/// Two tenants; tokens `surety-token` (every permission, tenant A), `surety-readonly` (read and list, tenant A),
/// `surety-token-b` (every permission, tenant B), `surety-admin` (every tenant, and `surety.admin`: the admin routes) and `surety-no-permission` (tenant A,
/// no permission: `surety check --token-without-permission`); a `PersonalAuto` product whose
/// vehicles need a `vin`, rated 600.00 a year per vehicle (+120.00 with deductible 250) plus a 25.00 policy fee,
/// with documents at pricing and issue, billed by a monthly (default), a quarterly or a pay-in-full plan; an account,
/// a quote with a billing block, and policies issued for a 12-month term (two of them for the billing scenarios).
public enum BuiltInFixtures {
    /// Tenant A's UUID.
    public static let tenantA = "5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001"
    /// Tenant B's UUID.
    public static let tenantB = "5a1c8a34-6a3c-4d55-9a57-2b1de1f0b002"
    /// The first policy of tenant A.
    public static let policyA1 = "01J6A00000000000000000PA01"
    /// The second policy of tenant A.
    public static let policyA2 = "01J6A00000000000000000PA02"
    /// The policy of tenant A the billing scenarios change (UTC), so that they leave the others alone.
    public static let billingPolicyUTC = "01J6A00000000000000000PA03"
    /// The billing scenarios' policy in America/New_York, whose term crosses both daylight-saving changes.
    public static let billingPolicyNewYork = "01J6A00000000000000000PA04"
    /// The policy of tenant B.
    public static let policyB1 = "01J6A00000000000000000PB01"
    /// An instant inside the first term of every built-in policy: the stopped clock of `surety check` in-process,
    /// so that its locators, and so its reports, are the same on every run.
    public static let referenceInstant = Timestamp(microseconds: 1_727_740_800_000_000) // 2024-10-01T00:00:00Z

    /// The fixtures as JSON, in the format ``FixtureReader`` reads.
    public static let json = """
    {
      "tenants": [
        {"locator": "\(tenantA)", "name": "Tenant A",
         "products": [\(product)],
         "accounts": [{"locator": "01J6A00000000000000000AA01", "name": "Ada Lovelace"}],
         "quotes": [{"locator": "01J6A00000000000000000QA01", "accountLocator": "01J6A00000000000000000AA01",
                     "productName": "PersonalAuto", "state": "draft",
                     "billing": {"termStartTime": "2024-10-01T00:00:00Z", "termEndTime": "2025-10-01T00:00:00Z",
                                 "charges": [{"chargeType": "premium", "amount": 600}, {"chargeType": "fee", "amount": 25}]}}],
         "policies": [
           {"locator": "\(policyA1)", "accountLocator": "01J6A00000000000000000AA01", "productName": "PersonalAuto",
            "startTime": "2024-08-21T00:00:00Z", "endTime": "2025-08-21T00:00:00Z",
            "element": {"type": "PersonalAuto", "data": {"garageState": "CA"}, "elements": [
              {"type": "Vehicle", "data": {"vin": "1HGCM82633A004352", "year": 2019}, "coverageTerms": {"deductible": "500"}},
              {"type": "Driver", "data": {"name": "Ada"}}]}},
           {"locator": "\(billingPolicyUTC)", "accountLocator": "01J6A00000000000000000AA01", "productName": "PersonalAuto",
            "startTime": "2024-08-21T00:00:00Z", "endTime": "2025-08-21T00:00:00Z",
            "element": {"type": "PersonalAuto", "data": {"garageState": "CA"}, "elements": [{"type": "Vehicle", "data": {"vin": "BILL0UTC"}}]}},
           {"locator": "\(billingPolicyNewYork)", "accountLocator": "01J6A00000000000000000AA01", "productName": "PersonalAuto",
            "startTime": "2025-03-01T05:00:00Z", "endTime": "2026-03-01T05:00:00Z", "timeZone": "America/New_York",
            "element": {"type": "PersonalAuto", "data": {"garageState": "NY"}, "elements": [{"type": "Vehicle", "data": {"vin": "BILL0NYC"}}]}},
           {"locator": "\(policyA2)", "accountLocator": "01J6A00000000000000000AA01", "productName": "PersonalAuto",
            "startTime": "2025-01-01T00:00:00Z", "endTime": "2026-01-01T00:00:00Z",
            "element": {"type": "PersonalAuto", "data": {"garageState": "NY"}, "elements": [
              {"type": "Vehicle", "data": {"vin": "JH4KA7561PC008269"}, "coverageTerms": {"deductible": "250"}}]}}
         ],
         "jobSettings": \(BuiltInJobFixtures.settings), "jobs": \(BuiltInJobFixtures.jobs)},
        {"locator": "\(tenantB)", "name": "Tenant B",
         "products": [\(product)],
         "accounts": [{"locator": "01J6A00000000000000000AB01", "name": "Grace Hopper"}],
         "policies": [
           {"locator": "\(policyB1)", "accountLocator": "01J6A00000000000000000AB01", "productName": "PersonalAuto",
            "startTime": "2024-08-21T00:00:00Z", "endTime": "2025-08-21T00:00:00Z",
            "element": {"type": "PersonalAuto", "data": {"garageState": "TX"}, "elements": [
              {"type": "Vehicle", "data": {"vin": "1FTFW1ET5DFC10312"}, "coverageTerms": {"deductible": "500"}}]}}
         ]}
      ],
      "tokens": [
        {"token": "surety-token", "userLocator": "0b7e6f4c-1d2a-4c3b-8e9f-000000000001", "tenants": ["\(tenantA)"], "permissions": ["*"]},
        {"token": "surety-readonly", "userLocator": "0b7e6f4c-1d2a-4c3b-8e9f-000000000002", "tenants": ["\(tenantA)"],
         "permissions": ["transactions.read", "policies.read", "policies.list", "terms.read", "terms.list", "documents.read"]},
        {"token": "surety-token-b", "userLocator": "0b7e6f4c-1d2a-4c3b-8e9f-000000000003", "tenants": ["\(tenantB)"], "permissions": ["*"]},
        {"token": "surety-admin", "userLocator": "0b7e6f4c-1d2a-4c3b-8e9f-000000000004", "tenants": ["*"], "permissions": ["*", "surety.admin"]},
        {"token": "surety-no-permission", "userLocator": "0b7e6f4c-1d2a-4c3b-8e9f-000000000005", "tenants": ["\(tenantA)"], "permissions": []}
      ]
    }
    """

    /// The `PersonalAuto` product both built-in tenants use, as fixture JSON.
    public static let product = """
    {"name": "PersonalAuto", "durationBasis": "months", "timeZone": "UTC", "currency": "USD",
     "elementTypes": [{"name": "PersonalAuto"}, {"name": "Vehicle", "requiredData": ["vin"]}, {"name": "Driver"}],
     "rates": [{"elementType": "PersonalAuto", "chargeType": "fee", "annualAmount": 25},
               {"elementType": "Vehicle", "chargeType": "premium", "annualAmount": 600},
               {"elementType": "Vehicle", "chargeType": "premium", "annualAmount": 120,
                "coverageTerm": {"name": "deductible", "option": "250"}}],
     "documents": [{"trigger": "priced", "staticName": "quoteLetter", "name": "Quote letter", "referenceType": "transaction"},
                   {"trigger": "issued", "staticName": "declaration", "name": "Declarations", "referenceType": "transaction"},
                   {"trigger": "issued", "staticName": "segmentSchedule", "name": "Schedule", "referenceType": "segment"}],
     "billing": {"installmentPlans": [{"name": "monthly", "cadence": "monthly", "generateLeadDays": 10, "dueLeadDays": 0},
                                      {"name": "quarterly", "cadence": "quarterly", "installmentWeights": [3, 2], "generateLeadDays": 15},
                                      {"name": "payInFull", "cadence": "fullPay", "generateLeadDays": 15}]}}
    """
}
