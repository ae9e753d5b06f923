import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas
import Testing

/// Whichever billing trigger a product has, what a change bills is what it is when issued: billed at accept, it is
/// billed again at issue when issuing moved the term's end or rebased it onto new charges, so its installments are
/// the ones the `issue` trigger would have made.
@Suite struct AcceptBillingRuleTests {
    static let policy = "01J6A00000000000000000PC01"

    /// Two plans: monthly (the default) and quarterly.
    static let plans = #""installmentPlans": [{"name": "a", "cadence": "monthly"}, {"name": "b", "cadence": "quarterly"}]"#

    /// A client on tenant C, whose product bills at `trigger` with `plans`.
    static func client(trigger: String, plans: String = plans) throws -> RecordingClient {
        try BillingConfigurationTests.client(billing: #"{"trigger": "\#(trigger)", \#(plans)}"#)
    }

    /// A transaction's installments as dates and amounts, in order (locators differ from run to run of a scenario).
    static func installments(_ client: RecordingClient, of transaction: String) -> [String] {
        (client.send(.get, "/billing/{t}/installments/transactions/\(transaction)/list").json.arrayValue ?? []).map { installment in
            let items = (installment["installmentItems"]?.arrayValue ?? []).map { "\($0["amount"].map { JSONWriter().string($0) } ?? "?")" }
            return ["installmentStartTime", "installmentEndTime", "coverageStartTime", "coverageEndTime", "dueTime"]
                .map { installment[$0]?.stringValue ?? "-" }.joined(separator: " ") + " " + items.joined(separator: ",")
        }
    }

    /// The policy's lattices as their frames' dates, oldest first.
    static func lattices(_ client: RecordingClient) -> [String] {
        (client.send(.get, "/billing/{t}/installmentLattices/policies/\(policy)/list?extended=true").json["items"]?.arrayValue ?? []).map { lattice in
            (lattice["frames"]?.arrayValue ?? []).map { "\($0["installmentStartTime"]?.stringValue ?? "-")/\($0["installmentEndTime"]?.stringValue ?? "-")" }
                .joined(separator: " ")
        }
    }

    /// The sum of a transaction's installment items and of its charges, in cents.
    static func totals(_ client: RecordingClient, of transaction: String) -> (installments: Int, charges: Int) {
        let items = (client.send(.get, "/billing/{t}/installments/transactions/\(transaction)/list").json.arrayValue ?? [])
            .flatMap { $0["installmentItems"]?.arrayValue ?? [] }
        let charges = client.send(.get, "/policy/{t}/transactions/\(transaction)/price").json["charges"]?.arrayValue ?? []
        return (items.reduce(0) { $0 + PolicyEndRuleTests.cents($1["amount"]) }, charges.reduce(0) { $0 + PolicyEndRuleTests.cents($1["amount"]) })
    }

    /// Runs `scenario` under both triggers and answers the installments each made for the transaction it names.
    static func underBothTriggers(_ scenario: (RecordingClient, Bool) throws -> String) throws -> (accept: [String], issue: [String]) {
        let accept = try client(trigger: "accept")
        let acceptTransaction = try scenario(accept, true)
        let issue = try client(trigger: "issue")
        let issueTransaction = try scenario(issue, false)
        #expect(accept.violations.isEmpty && issue.violations.isEmpty, "\(accept.violations) \(issue.violations)")
        let totals = Self.totals(accept, of: acceptTransaction)
        #expect(totals.installments == totals.charges, "billed at accept, the installments add up to the charges as issued")
        return (installments(accept, of: acceptTransaction), installments(issue, of: issueTransaction))
    }

    @Test("a change that extends the term, accepted then issued, bills up to the new end as the issue trigger does")
    func extendingChange() throws {
        let newEnd = "2025-11-21T00:00:00.000000Z"
        let made = try Self.underBothTriggers { client, accepting in
            let extend = client.create(Self.policy, "change", #"[{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z", "newPolicyEndTime": "2025-11-21T00:00:00Z"}]"#)
            if accepting { #expect(client.operate(extend, "accept") == "accepted") }
            #expect(client.operate(extend, "issue") == "issued")
            return extend
        }
        #expect(!made.issue.isEmpty)
        #expect(made.accept == made.issue)
        #expect(made.accept.last?.split(separator: " ")[3] == Substring(newEnd), "the last installment covers up to the new end")
    }

    @Test("a change that shortens the term, accepted then issued, bills as the issue trigger does")
    func shorteningChange() throws {
        let made = try Self.underBothTriggers { client, accepting in
            let shorten = client.create(Self.policy, "change", #"[{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z", "newPolicyEndTime": "2025-05-21T00:00:00Z"}]"#)
            if accepting { #expect(client.operate(shorten, "accept") == "accepted") }
            #expect(client.operate(shorten, "issue") == "issued")
            return shorten
        }
        #expect(!made.issue.isEmpty && made.accept == made.issue)
    }

    @Test("a change accepted on a base that another change then moved is rebased at issue and billed for its charges as issued")
    func rebasedAtIssue() throws {
        let made = try Self.underBothTriggers { client, accepting in
            let first = client.create(Self.policy, "change", #"[{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z"}, {"action": "add", "element": {"type": "Vehicle", "data": {"vin": "R1"}}}]"#)
            // Extending the term charges every vehicle in force for the added months: one on the old base, two once rebased.
            let second = client.create(Self.policy, "change", #"[{"action": "params", "effectiveTime": "2025-03-21T00:00:00Z", "newPolicyEndTime": "2025-11-21T00:00:00Z"}]"#)
            if accepting { #expect(client.operate(second, "accept") == "accepted") }
            let acceptedCharges = Self.totals(client, of: second).charges
            #expect(client.operate(first, "issue") == "issued")
            #expect(client.operate(second, "issue") == "issued")
            if accepting { #expect(Self.totals(client, of: second).charges > acceptedCharges, "rebasing onto two vehicles charges more") }
            let rebased = client.send(.get, "/policy/{t}/transactions/\(second)").json["baseTransactionLocator"]?.stringValue
            #expect(rebased == first, "rebased onto the change issued first")
            return second
        }
        #expect(!made.issue.isEmpty && made.accept == made.issue)
    }

    @Test("a change that moves to another plan and extends the term, accepted then issued, leaves the lattices the issue trigger leaves")
    func planChangeAndExtension() throws {
        var lattices: [[String]] = []
        let made = try Self.underBothTriggers { client, accepting in
            let change = client.create(Self.policy, "change", #"""
                [{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z", "newPolicyEndTime": "2025-11-21T00:00:00Z",
                  "preferences": {"installmentPreferences": {"installmentPlanName": "b", "installmentWeights": []}}}]
                """#)
            if accepting { #expect(client.operate(change, "accept") == "accepted") }
            #expect(client.operate(change, "issue") == "issued")
            lattices.append(Self.lattices(client))
            return change
        }
        #expect(!made.issue.isEmpty && made.accept == made.issue)
        #expect(lattices.count == 2 && lattices[0] == lattices[1], "\(lattices)")
        #expect(lattices.last?.count == 2, "the seeded lattice and the one for the new plan and dates")
    }
}
