import SuretyEmulator
import SuretyJSON
import SuretySchemas
import Testing

/// Documents render in steps (a dynamic document is `dataReady` once its data snapshot is taken, `ready` once rendered)
/// and fail at the step a fixture names; policy- and term-scope documents stay on the policy until replaced.
@Suite struct DocumentStepTests {
    /// A tenant C whose product has `documents`, with `settings` as its `jobSettings`.
    static func tenant(documents: String, settings: String) throws -> (EmulatedBackend, EmulatorClient) {
        let backend = try EmulatorTestSupport.makeBackend()
        let product = BuiltInFixtures.product.replacingOccurrences(of: #""documents": ["#, with: #""documents": [\#(documents), "#)
        let text = """
            {"tenants": [{"locator": "5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003", "products": [\(product)],
              "accounts": [{"locator": "01J6A00000000000000000AC01"}],
              "policies": [{"locator": "01J6A00000000000000000PC01", "accountLocator": "01J6A00000000000000000AC01",
                "productName": "PersonalAuto", "startTime": "2024-08-21T00:00:00Z", "endTime": "2025-08-21T00:00:00Z",
                "element": {"type": "PersonalAuto", "elements": [{"type": "Vehicle", "data": {"vin": "C1"}}]}}],
              "jobSettings": \(settings)}]}
            """
        try backend.addFixtures(try EmulatorFixtures.load(bytes: Array(text.utf8), file: "tenant-c.json"))
        var client = EmulatorClient(backend: backend)
        client.token = "surety-admin"
        client.tenant = "5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003"
        return (backend, client)
    }

    static let policy = "01J6A00000000000000000PC01"

    /// The transaction's documents by static name: state, processing errors and the given member.
    static func documents(_ client: EmulatorClient, _ transaction: String) -> [String: JSONValue] {
        let list = client.expect(200, .get, "/document/{t}/documents/transaction/\(transaction)/list").arrayValue ?? []
        return Dictionary(list.map { ($0["staticName"]?.stringValue ?? "?", $0) }) { first, _ in first }
    }

    @Test("a dynamic document is draft until its data snapshot, dataReady until rendered, then ready; a static one draft, then ready")
    func dynamicDocumentPassesDataReady() throws {
        let (backend, client) = try Self.tenant(
            documents: #"{"trigger": "priced", "staticName": "dyn", "name": "Dynamic", "referenceType": "transaction", "dynamic": true, "category": "letters"}"#,
            settings: #"{"documentRunSeconds": 10, "documentDataSeconds": 4}"#)
        let transaction = client.change(Self.policy)
        client.expect(200, .patch, "/policy/{t}/transactions/\(transaction)/price")
        let states = { (name: String) in Self.documents(client, transaction)[name]?["documentInstanceState"]?.stringValue }
        #expect(states("dyn") == "draft" && states("quoteLetter") == "draft")
        try backend.advanceClock(bySeconds: 4)
        #expect(states("dyn") == "dataReady" && states("quoteLetter") == "draft")
        let job = client.expect(200, .get, "/document/{t}/documents/transaction/\(transaction)/jobs/list")[0]
        #expect(job?["status"] == "running")
        let jobLocator = try #require(job?["locator"]?.stringValue)
        let documents = client.expect(200, .get, "/document/{t}/documents/transaction/\(transaction)/jobs/\(jobLocator)")["documents"]?.arrayValue ?? []
        #expect(Set(documents.compactMap { $0["documentInstanceState"]?.stringValue }) == ["dataReady", "draft"])
        try backend.advanceClock(bySeconds: 6)
        #expect(states("dyn") == "ready" && states("quoteLetter") == "ready")
        #expect(Self.documents(client, transaction)["dyn"]?["category"] == "letters")
        #expect(Self.documents(client, transaction)["quoteLetter"]?["category"] == nil)
    }

    @Test("a document fails at the step its fixture names, with the job's processing errors, and a data failure ends the job at the snapshot",
          arguments: [("dataError", "The data snapshot failed for doomed.", 4), ("renderError", "Rendering failed for doomed.", 10),
                      ("conversionError", "Conversion failed for doomed.", 10)])
    func documentFailsAtItsStep(step: String, errors: String, failsAfter: Int64) throws {
        let (backend, client) = try Self.tenant(
            documents: #"{"trigger": "priced", "staticName": "doomed", "name": "Doomed", "referenceType": "transaction", "dynamic": true}"#,
            settings: #"{"documentRunSeconds": 10, "documentDataSeconds": 4, "documentFailures": {"doomed": "\#(step)"}}"#)
        let transaction = client.change(Self.policy)
        client.expect(200, .patch, "/policy/{t}/transactions/\(transaction)/price")
        try backend.advanceClock(bySeconds: failsAfter - 1)
        #expect(client.expect(200, .get, "/document/{t}/documents/transaction/\(transaction)/jobs/list")[0]?["status"] == "running")
        try backend.advanceClock(bySeconds: 1)
        let job = client.expect(200, .get, "/document/{t}/documents/transaction/\(transaction)/jobs/list")[0]
        #expect(job?["status"] == "failed")
        let doomed = Self.documents(client, transaction)["doomed"]
        #expect(doomed?["documentInstanceState"]?.stringValue == step)
        #expect(doomed?["processingErrors"]?.stringValue == errors)
        #expect(Self.documents(client, transaction)["quoteLetter"]?["documentInstanceState"] == "renderError", "its job failed with it")
        let jobLocator = try #require(job?["locator"]?.stringValue)
        client.expect(200, .post, "/document/{t}/documents/transaction/\(transaction)/jobs/\(jobLocator)/trigger")
        try backend.advanceClock(bySeconds: 10)
        #expect(Self.documents(client, transaction)["doomed"]?["documentInstanceState"] == "ready", "a retriggered run finishes")
    }

    @Test("a documentFailures step other than the three failure states is a fixture error at its pointer")
    func badFailureStep() throws {
        #expect(throws: (any Error).self) {
            try Self.tenant(documents: #"{"trigger": "priced", "staticName": "x", "name": "X", "referenceType": "transaction"}"#,
                            settings: #"{"documentFailures": {"x": "ready"}}"#)
        }
    }

    @Test("policy- and term-scope documents are listed with their transaction, summarised on the term while in force, and a new one names the one it replaces")
    func policyAndTermScopes() throws {
        let (_, client) = try Self.tenant(
            documents: #"{"trigger": "issued", "staticName": "policyPack", "name": "Policy pack", "referenceType": "policy"}, {"trigger": "issued", "staticName": "termNotice", "name": "Term notice", "referenceType": "term"}"#,
            settings: #"{"documentRunSeconds": 0}"#)
        let first = client.expect(200, .patch, "/policy/{t}/policies/\(Self.policy)/change", #"[{"action": "params", "effectiveTime": "2024-10-21T00:00:00Z"}]"#)["locator"]?.stringValue ?? ""
        client.expect(200, .patch, "/policy/{t}/transactions/\(first)/issue")
        let second = client.expect(200, .patch, "/policy/{t}/policies/\(Self.policy)/change", #"[{"action": "params", "effectiveTime": "2025-01-21T00:00:00Z"}]"#)["locator"]?.stringValue ?? ""
        client.expect(200, .patch, "/policy/{t}/transactions/\(second)/issue")

        let earlier = Self.documents(client, first)
        let later = Self.documents(client, second)
        #expect(earlier["policyPack"]?["referenceType"] == "policy" && earlier["policyPack"]?["referenceLocator"]?.stringValue == Self.policy)
        #expect(earlier["termNotice"]?["referenceType"] == "term")
        #expect(earlier["policyPack"]?["referenceDocumentLocator"] == nil)
        #expect(later["policyPack"]?["referenceDocumentLocator"] == earlier["policyPack"]?["locator"])
        #expect(later["termNotice"]?["referenceDocumentLocator"] == earlier["termNotice"]?["locator"])

        let jobs = client.expect(200, .get, "/document/{t}/documents/transaction/\(second)/jobs/list").arrayValue ?? []
        let jobTypes = Set(jobs.compactMap { $0["referenceType"]?.stringValue })
        #expect(jobTypes.isSuperset(of: ["policy", "term"]))
        let policyJob = try #require(jobs.first { $0["referenceType"] == "policy" }?["locator"]?.stringValue)
        #expect(client.expect(200, .get, "/document/{t}/documents/transaction/\(second)/jobs/\(policyJob)")["referenceLocator"]?.stringValue == Self.policy)

        let subsegments = client.expect(200, .get, "/policy/{t}/policies/\(Self.policy)/summary")["subsegments"]?.arrayValue ?? []
        let summaries = subsegments.map { ($0["documentSummary"]?.arrayValue ?? []).filter { $0["referenceType"] != "segment" } }
        #expect(summaries.first?.isEmpty == true, "before the first change nothing of that scope is on the policy")
        let locators = { (documents: [String: JSONValue]) in Set(["policyPack", "termNotice"].compactMap { documents[$0]?["locator"]?.stringValue }) }
        #expect(Set(summaries.dropFirst().first?.compactMap { $0["locator"]?.stringValue } ?? []) == locators(earlier))
        #expect(Set(summaries.last?.compactMap { $0["locator"]?.stringValue } ?? []) == locators(later))
        #expect(Set(summaries.last?.compactMap { $0["referenceType"]?.stringValue } ?? []) == ["policy", "term"])
    }
}
