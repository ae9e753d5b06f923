import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas
import Testing
import SuretyTestSupport

@Suite("Coverage reports what the backend never produced")
struct CoverageTests {
    /// Sets every `transactionState` member anywhere in a JSON value to `draft`.
    static func draftEverywhere(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.map { member in
                JSONMember(key: member.key, value: member.key == "transactionState" ? "draft" : draftEverywhere(member.value))
            })
        case .array(let elements): return .array(elements.map(draftEverywhere))
        default: return value
        }
    }

    @Test("a backend that never sends optional properties has them all reported never observed")
    func optionalPropertiesNeverObserved() async throws {
        let backend = GeneratedBackend(contract: RunnerFixtures.contract, optional: .none)
        let report = await RunnerFixtures.run(backend, options: .init(negativeProbes: []))
        #expect(report.conforms)
        let schema = try #require(report.coverage.schemas.first { $0.name == "PolicyTransactionResponse" })
        #expect(schema.observed)
        #expect(schema.neverObserved == schema.optionalProperties)
        #expect(schema.neverObserved.contains("issuedTime"))
        #expect(report.coverage.neverObservedPropertyCount == report.coverage.optionalPropertyCount)
    }

    @Test("a backend that always sends every optional property has none reported for the schemas it answers")
    func optionalPropertiesObserved() async throws {
        let backend = GeneratedBackend(contract: RunnerFixtures.contract, optional: .all)
        let report = await RunnerFixtures.run(backend, options: .init(negativeProbes: []))
        let schema = try #require(report.coverage.schemas.first { $0.name == "PolicyTransactionResponse" })
        #expect(schema.neverObserved == [])
    }

    @Test("a backend stuck in one transaction state has the other fourteen reported never observed")
    func enumValuesNeverObserved() async throws {
        let backend = TamperingResponder(inner: GeneratedBackend(contract: RunnerFixtures.contract), endpointID: nil,
                                         tamper: TamperingResponder.editingJSON(Self.draftEverywhere))
        let report = await RunnerFixtures.run(backend, options: .init(negativeProbes: []))
        #expect(report.conforms)
        let states = try #require(report.coverage.enums.first { $0.key == "PolicyTransactionResponse.transactionState" })
        #expect(states.values.count == 15)
        #expect(states.neverObserved.count == 14)
        #expect(!states.neverObserved.contains("draft"))
        let text = TextReport(maxListedNames: 20, fullCoverage: true).render(report)
        #expect(text.contains("PolicyTransactionResponse.transactionState: initialized, validated, earlyUnderwritten"))
    }

    @Test("statuses are recorded per endpoint, negative probes included")
    func statusesPerEndpoint() async throws {
        let report = await RunnerFixtures.run(GeneratedBackend(contract: RunnerFixtures.contract))
        let transaction = try #require(report.coverage.endpoints.first { $0.id == "fetchTransaction" })
        #expect(transaction.statuses == [200, 400, 404])
        #expect(transaction.answeredDocumentedStatus)
    }

    @Test("the walk takes the oneOf branch the validator accepts")
    func oneOfBranch() throws {
        let text = """
            {"surety": "contract/1", "source": {"document": "pets.txt", "title": "Pets"},
             "endpoints": [{"id": "listPets", "method": "GET", "path": "/pets", "parameters": [],
                            "responses": {"200": {"type": "oneOf<Cat,Dog>[]"}}, "security": {"group": "pets", "permissions": ["read"]}}],
             "schemas": {
               "Cat": {"required": {"meows": "boolean"}, "optional": {"mood": "Enum? calm | cross"}},
               "Dog": {"required": {"barks": "boolean"}, "optional": {"mood": "Enum? happy | sad"}}}}
            """
        let loaded = ContractLoader().load(files: [.init(name: "pets.json", bytes: Array(text.utf8))])
        #expect(loaded.diagnostics.filter { $0.severity == .error } == [])
        var tracker = CoverageTracker(contract: loaded.contract)
        let type = try #require(loaded.contract.endpoint(id: "listPets")?.responseType(status: 200, extended: false))
        tracker.observe(.array([.object(["barks": true, "mood": "sad"])]), as: type)
        let coverage = tracker.coverage()
        #expect(coverage.enums.map(\.key) == ["Cat.mood", "Dog.mood"])
        #expect(coverage.enums.map(\.neverObserved) == [["calm", "cross"], ["happy"]])
        #expect(coverage.schemas.map(\.observed) == [false, true])
        #expect(coverage.schemas.map(\.neverObserved) == [["mood"], []])
    }
}
