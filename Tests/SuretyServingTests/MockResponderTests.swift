import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas
import SuretyServing
import SuretyTestSupport
import Foundation
import Testing

@Suite("The mock answers every endpoint from the contract")
struct MockResponderTests {
    let contract = TestRepository.contract
    let checker = TestRepository.checker
    var requests: ValidRequests { ValidRequests(contract: contract) }
    let base = "/policy/3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f"

    func mock(seed: UInt64 = 0, optional: ExampleGenerator.OptionalProperties = .random) -> MockResponder {
        MockResponder(checker: checker, options: .init(seed: seed, optional: optional))
    }

    func json(_ response: HTTPResponse) throws -> JSONValue {
        try JSONParser().parse(response.body).value()
    }

    @Test("all 77 endpoints answer 200 with a body that has no violation, strict included",
          arguments: [ExampleGenerator.OptionalProperties.all, .none, .random])
    func everyEndpointConforms(optional: ExampleGenerator.OptionalProperties) {
        let strict = ExchangeChecker(contract: contract, options: .init(strict: true))
        let log = ViolationLog()
        let responder = StackEntry(root: ValidatingResponder(checker: strict, inner: mock(optional: optional), log: log), checker: strict)
        for endpoint in contract.endpoints {
            let response = responder.respondSynchronously(to: requests.request(for: endpoint))
            #expect(response.status.code == 200, "\(endpoint.id): \(String(decoding: response.body, as: UTF8.self).prefix(300))")
        }
        let snapshot = log.snapshot()
        #expect(snapshot.exchanges == 77)
        let errors = snapshot.entries.flatMap { entry in entry.violations.filter(\.isError).map { "\(entry.endpointID ?? "-") \($0)" } }
        #expect(errors.isEmpty, "\(errors.prefix(10))")
    }

    @Test("the same request and seed give byte-identical bytes; another seed other bytes")
    func deterministic() {
        let request = HTTPRequest(target: "\(base)/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W3")
        let first = mock(seed: 9).respondSynchronously(to: request)
        #expect(first.body == mock(seed: 9).respondSynchronously(to: request).body)
        #expect(first.body != mock(seed: 10).respondSynchronously(to: request).body)
    }

    @Test("the path's locator is echoed and another locator gives other data")
    func locatorEcho() throws {
        let one = try json(mock().respondSynchronously(to: HTTPRequest(target: "\(base)/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W3")))
        let two = try json(mock().respondSynchronously(to: HTTPRequest(target: "\(base)/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W4")))
        #expect(one["locator"]?.stringValue == "01HZX3K4M5N6P7Q8R9S0T1V2W3")
        #expect(two["locator"]?.stringValue == "01HZX3K4M5N6P7Q8R9S0T1V2W4")
        #expect(one["policyLocator"] != two["policyLocator"])
    }

    @Test("list pages agree with each other, honour count and say when the list is complete")
    func paging() throws {
        let list = "\(base)/policies/01HZX3K4M5N6P7Q8R9S0T1V2W3/issuedTransactions/list?extended=true"
        let whole = try json(mock().respondSynchronously(to: HTTPRequest(target: list + "&count=100")))
        let items = try #require(whole["items"]?.arrayValue)
        #expect(whole["listCompleted"] == .bool(true))
        try #require(items.count >= 3, "the seeded collection is large enough to page")
        let page = try json(mock().respondSynchronously(to: HTTPRequest(target: list + "&offset=1&count=2")))
        #expect(page["items"]?.arrayValue == Array(items[1...2]))
        #expect(page["listCompleted"] == .bool(items.count <= 3))
        let bare = try json(mock().respondSynchronously(to: HTTPRequest(target: list.replacingOccurrences(of: "?extended=true", with: "?count=2"))))
        #expect(bare.arrayValue == Array(items[0...1]))
    }

    @Test("an offset or count at the edge of Int is an empty last page or a capped one, never a trap")
    func extremePaging() throws {
        let list = "\(base)/policies/01HZX3K4M5N6P7Q8R9S0T1V2W3/issuedTransactions/list?extended=true"
        let whole = try json(mock().respondSynchronously(to: HTTPRequest(target: list + "&count=100")))
        let responder = StackEntry(root: ValidatingResponder(checker: checker, inner: mock()), checker: checker)
        let past = responder.respondSynchronously(to: HTTPRequest(target: list + "&offset=\(Int.max)&count=10"))
        #expect(past.status.code == 200)
        #expect(try json(past)["items"]?.arrayValue == [])
        #expect(try json(past)["listCompleted"] == .bool(true))
        let huge = responder.respondSynchronously(to: HTTPRequest(target: list + "&offset=1&count=\(Int.max)"))
        #expect(huge.status.code == 200)
        #expect(try json(huge)["items"]?.arrayValue == whole["items"]?.arrayValue.map { Array($0.dropFirst()) })
    }

    @Test("optional none leaves out every optional property; all includes the top-level ones")
    func optionalProperties() throws {
        let request = HTTPRequest(target: "\(base)/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W3")
        let schema = try #require(contract.schemas["PolicyTransactionResponse"])
        let none = try #require(try json(mock(optional: .none).respondSynchronously(to: request)).objectValue)
        #expect(Set(none.map(\.key)) == Set(schema.requiredProperties.map(\.name)))
        let all = try #require(try json(mock(optional: .all).respondSynchronously(to: request)).objectValue)
        let current = schema.properties.filter { !$0.isDeprecated }.map(\.name)
        #expect(Set(all.map(\.key)) == Set(current))
    }

    @Test("Prefer code, dynamic and example follow Prism's conventions")
    func prefer() throws {
        let target = "\(base)/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W3"
        func answer(_ prefer: String) -> HTTPResponse {
            mock().respondSynchronously(to: HTTPRequest(target: target, headers: ["Prefer": prefer]))
        }
        #expect(answer("code=404").status.code == 404)
        #expect(Problem(response: answer("code=404"))?.title == "Unknown path or locator")
        #expect(answer("code=200").status.code == 200)
        #expect(answer("code=299").status.code == 299, "any status from 100 to 599 is answered")
        #expect(answer("code=500").status.code == 500)
        #expect(answer("code=500").headers[MockResponder.undocumentedStatusHeader] == "500")
        #expect(answer("code=500").headers["Preference-Applied"] == "code=500")
        #expect(answer("code=404").headers[MockResponder.undocumentedStatusHeader] == nil, "404 is conventional")
        #expect(answer("code=599").status.code == 599)
        #expect(answer("code=600").status.code == 400, "one over the last status")
        #expect(answer("code=99").status.code == 400, "one under the first status")
        #expect(Problem(response: answer("code=abc"))?.detail?.contains("code=abc") == true, "an unreadable Prefer is refused by name")
        #expect(answer("dynamic=maybe").status.code == 400)
        #expect(answer("dynamic=true").body != answer("dynamic=true").body)
        #expect(answer("example=first").status.code == 404)
    }
}
