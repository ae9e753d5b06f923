import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas
import SuretyServing
import SuretyTestSupport
import Testing

/// Mocked data looks like the platform's: every `string` property named by a rule holds one of its values, no time
/// zone or currency stands where another property belongs, starts precede ends, creation lies in the past, and no
/// schema nests in itself below one level.
@Suite("Mocked data is plausible")
struct MockPlausibilityTests {
    let contract = TestRepository.contract

    /// Every rule a value of `type` breaks, with its pointer: rules apply to properties the contract types `string`
    /// (an enum keeps its documented values).
    func breaches(_ value: JSONValue, type: TypeRef?, pointer: String = "", echoed: Set<String> = []) -> [String] {
        var found: [String] = []
        switch (value, type?.unwrapped) {
        case (.array(let elements), let arrayType):
            var element: TypeRef?
            if case .array(let inner)? = arrayType { element = inner }
            for (index, item) in elements.enumerated() { found += breaches(item, type: element, pointer: pointer + "/\(index)", echoed: echoed) }
        case (.object(let members), let objectType):
            var schema: Schema?
            if case .named(let name)? = objectType { schema = contract.schemas[name] }
            var times: [String: Timestamp] = [:]
            for member in members {
                let here = pointer + "/" + member.key
                let propertyType = schema?.property(named: member.key)?.type
                if case .string(let text) = member.value, !echoed.contains(text) {
                    if propertyType?.unwrapped == .primitive(.string) {
                        if let rule = PlausibleValues.rule(for: member.key), !rule.values.contains(text) {
                            found.append("\(here): \(text) is not one of \(rule.values)")
                        }
                        if PlausibleValues.timeZones.contains(text) && !["timezone", "timeZone"].contains(member.key) {
                            found.append("\(here): a time zone where \(member.key) belongs")
                        }
                        if PlausibleValues.currencies.contains(text) && !["currency", "currencies"].contains(member.key) {
                            found.append("\(here): a currency where \(member.key) belongs")
                        }
                    }
                    if let time = Timestamp(rfc3339: text) {
                        times[member.key] = time
                        if PlausibleValues.isPastTime(member.key), text.prefix(4) > String(PlausibleValues.latestPastYear) {
                            found.append("\(here): \(text) is in the future")
                        }
                    }
                }
                found += breaches(member.value, type: propertyType, pointer: here, echoed: echoed)
            }
            for (name, start) in times where name.contains("Start") {
                let endName = name.replacingOccurrences(of: "Start", with: "End")
                if let end = times[endName], end <= start { found.append("\(pointer)/\(endName) is not after \(name)") }
            }
            if let created = times["createdAt"], let updated = times["updatedAt"], updated < created {
                found.append("\(pointer)/updatedAt before createdAt")
            }
            if let category = value["transactionCategory"]?.stringValue, category != "aggregate",
               let kind = value["transactionType"]?.stringValue, kind != category {
                found.append("\(pointer)/transactionType \(kind) for category \(category)")
            }
        default: break
        }
        return found
    }

    @Test("every schema's generated examples, 20 seeds with every optional property, break no rule of the table")
    func everySchema() {
        let generator = ExampleGenerator(schemas: contract.schemas, optional: .all, includesDeprecated: false)
        var found: [String] = []
        for schema in contract.schemas.schemas {
            for seed in 0..<20 {
                var random = SeededRandom(seed: UInt64(seed), key: schema.name)
                found += breaches(generator.example(of: .named(schema.name), random: &random), type: .named(schema.name))
                    .map { "\(schema.name)\($0)" }
            }
        }
        #expect(found.isEmpty, "\(found.prefix(10))")
    }

    @Test("a sample of mocked bodies from every GET endpoint passes the plausibility rules, and no transaction nests in itself twice")
    func everyGetEndpoint() throws {
        let requests = ValidRequests(contract: contract)
        var found: [String] = []
        for seed: UInt64 in 0..<5 {
            let mock = MockResponder(checker: TestRepository.checker, options: .init(seed: seed, optional: .all))
            for endpoint in contract.endpoints where endpoint.method == "GET" {
                let request = requests.request(for: endpoint)
                let response = mock.respondSynchronously(to: request)
                let body = try JSONParser().parse(response.body).value()
                // A path value is echoed wherever the path names it, whatever the test's request put there.
                let echoed = Set(request.path.split(separator: "/").map(String.init))
                found += breaches(body, type: endpoint.responseType(status: 200, extended: false), echoed: echoed).map { "\(endpoint.id)\($0)" }
                if let nested = body["aggregatedTransactions"]?.arrayValue {
                    for inner in nested where !(inner["aggregatedTransactions"]?.arrayValue?.isEmpty ?? true) {
                        found.append("\(endpoint.id): aggregatedTransactions nested twice")
                    }
                }
            }
        }
        #expect(found.isEmpty, "\(found.prefix(10))")
    }

    @Test("an action on a transaction answers that transaction in the state the action leads to; a created one is a draft")
    func actionsLeadToTheirState() throws {
        let mock = MockResponder(checker: TestRepository.checker, options: .init(seed: 4, optional: .all))
        let base = "/policy/3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f"
        let locator = "01J6A00000000000000000TX09"
        for (action, state) in [("issue", "issued"), ("price", "priced"), ("validate", "validated"), ("discard", "discarded")] {
            let response = mock.respondSynchronously(to: HTTPRequest(method: .patch, target: "\(base)/transactions/\(locator)/\(action)"))
            let body = try JSONParser().parse(response.body).value()
            #expect(body["locator"] == .string(locator), "\(action)")
            if body["transactionState"] != nil { #expect(body["transactionState"] == .string(state), "\(action)") }
        }
        let change = mock.respondSynchronously(to: HTTPRequest(method: .patch, target: "\(base)/policies/01J6A00000000000000000PA01/change",
                                                               headers: ["Content-Type": "application/json"], body: Array("[]".utf8)))
        let created = try JSONParser().parse(change.body).value()
        #expect(created["transactionState"] == "draft", "the create endpoints answer a transaction, not {}: \(created)")
        #expect(created["policyLocator"] == "01J6A00000000000000000PA01")
    }

    @Test("every item of a policy's installments carries the policy's locator")
    func listItemsCarryTheirReference() throws {
        let mock = MockResponder(checker: TestRepository.checker, options: .init(seed: 2, optional: .none))
        let policy = "01J6A00000000000000000PA01"
        let response = mock.respondSynchronously(to: HTTPRequest(method: .get,
            target: "/billing/3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f/installments/policies/\(policy)/list?extended=true&count=25"))
        let items = try #require(try JSONParser().parse(response.body).value()["items"]?.arrayValue)
        #expect(items.allSatisfy { $0["policyLocator"] == .string(policy) }, "\(items.prefix(2))")
    }
}
