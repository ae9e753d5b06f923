import SuretyEmulator
import SuretyJSON
import Testing

@Suite("A fixtures file reports every problem in one run, each located")
struct FixtureEveryProblemTests {
    @Test("three distinct problems are all reported as file:line:col: error: message [at /pointer]")
    func threeProblems() {
        let text = """
            {"tenants": [{"locator": "not-a-uuid", "name": "Acme",
              "products": [{"name": "P", "elementTypes": 3}]}],
             "tokens": [{"token": "t", "userLocator": "5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003", "tenants": ["*"]}]}
            """
        do {
            _ = try EmulatorFixtures.load(bytes: Array(text.utf8), file: "f.json")
            Issue.record("expected fixture errors")
        } catch {
            #expect(error.description == """
                f.json:1:26: error: expected a uuid, found "not-a-uuid" [at /tenants/0/locator]
                f.json:2:46: error: expected an array, found number [at /tenants/0/products/0/elementTypes]
                f.json:3:13: error: missing required member "permissions" [at /tokens/0/permissions]
                """)
        }
    }
}
