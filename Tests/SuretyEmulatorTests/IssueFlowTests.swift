import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

@Suite struct IssueFlowTests {
    let policy = BuiltInFixtures.policyA1

    @Test("a change adding a vehicle is created, priced, issued and shows in the term summary, every response valid")
    func changeFlow() throws {
        let client = EmulatorClient(backend: try EmulatorTestSupport.makeBackend())
        var exchanges: [EmulatorClient.Exchange] = []
        let created = client.send(.patch, "/policy/{t}/policies/\(policy)/change", """
            [{"action": "params", "effectiveTime": "2024-11-21T00:00:00Z"},
             {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "WVWZZZ1JZXW000001"}}}]
            """)
        exchanges.append(created)
        #expect(created.status == 200)
        #expect(created.json["transactionState"] == "draft")
        let locator = try #require(created.json["locator"]?.stringValue)

        let priced = client.send(.patch, "/policy/{t}/transactions/\(locator)/price")
        exchanges.append(priced)
        #expect(priced.json["transactionState"] == "priced")
        let amounts = priced.json["charges"]?.arrayValue?.compactMap { $0["amount"]?.numberValue?.literal }
        #expect(amounts == ["450.00"])

        exchanges.append(client.send(.get, "/policy/{t}/transactions/\(locator)/price"))
        let issued = client.send(.patch, "/policy/{t}/transactions/\(locator)/issue")
        exchanges.append(issued)
        #expect(issued.json["transactionState"] == "issued")

        let terms = client.send(.get, "/policy/{t}/policies/\(policy)/terms/list")
        exchanges.append(terms)
        let term = try #require(terms.json[0]?["locator"]?.stringValue)
        let summary = client.send(.get, "/policy/{t}/terms/\(term)/summary")
        exchanges.append(summary)
        let subsegments = summary.json["subsegments"]?.arrayValue ?? []
        #expect(subsegments.map { $0["startTime"]?.stringValue } == ["2024-08-21T00:00:00.000000Z", "2024-11-21T00:00:00.000000Z"])
        #expect(subsegments.map { $0["duration"]?.numberValue?.literal } == ["3", "9"])
        let payable = client.send(.get, "/policy/{t}/terms/\(term)/payable")
        exchanges.append(payable)
        #expect(payable.json["amount"]?.numberValue?.literal == "1075.00")
        for exchange in exchanges { #expect(exchange.violations.isEmpty, "\(exchange.violations)") }
    }
}
