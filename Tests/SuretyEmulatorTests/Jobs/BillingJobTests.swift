import SuretyEmulator
import SuretyJSON
import SuretySchemas
import Testing

@Suite struct BillingJobTests {
    @Test("issuing (the billing trigger) records an installment job: queued, running, then finished on the clock")
    func installmentJobOnTheClock() throws {
        let (backend, client, transaction) = try JobsFixture.changeOnTenantB()
        let list = "/billing/{t}/jobs/installments/transactions/\(transaction)/list"
        client.expect(200, .patch, "/policy/{t}/transactions/\(transaction)/accept")
        #expect(client.expect(200, .get, list) == [], "accepting is not the billing trigger")
        client.expect(200, .patch, "/policy/{t}/transactions/\(transaction)/issue")
        let queued = client.expect(200, .get, list)
        #expect(queued.arrayValue?.count == 1)
        #expect(queued[0]?["jobStatus"] == "queued")
        #expect(queued[0]?["referenceLocator"]?.stringValue == transaction)
        #expect(queued[0]?["policyLocator"] == nil, "kept for retries, not shown")
        let installments = client.expect(200, .get, "/billing/{t}/installments/transactions/\(transaction)/list")
        #expect(queued[0]?["installmentLocators"]?.stringValue == installments.arrayValue?.compactMap { $0["locator"]?.stringValue }.joined(separator: ","))
        let lattices = client.expect(200, .get, "/billing/{t}/installmentLattices/policies/\(BuiltInFixtures.policyB1)/list")
        #expect(queued[0]?["latticeLocator"] != nil)
        #expect(queued[0]?["latticeLocator"] == lattices.arrayValue?.last?["locator"], "the term's lattice the change is billed on")
        try backend.advanceClock(bySeconds: 1)
        #expect(client.expect(200, .get, list)[0]?["jobStatus"] == "running")
        try backend.advanceClock(bySeconds: 5)
        let finished = client.expect(200, .get, list + "?extended=true")
        #expect(finished["items"]?[0]?["jobStatus"] == "finished")
        #expect(finished["items"]?[0]?["completedAt"]?.stringValue == EmulatorTestSupport.start.adding(seconds: 6).rfc3339(fractional: true))
    }

    @Test("with the accept trigger the installment job is recorded at accept, naming the lattice and installments billed then")
    func installmentJobAtAccept() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let fixtures = BillingConfigurationTests.fixtures(billing: #"{"trigger": "accept"}"#)
        try backend.addFixtures(try EmulatorFixtures.load(bytes: Array(fixtures.utf8), file: "c.json"))
        var client = EmulatorClient(backend: backend)
        client.token = "surety-admin"
        client.tenant = BillingConfigurationTests.tenantC
        let body = #"[{"action": "add", "element": {"type": "Vehicle", "data": {"vin": "C2"}}}]"#
        let transaction = client.expect(200, .patch, "/policy/{t}/policies/01J6A00000000000000000PC01/change", body)["locator"]?.stringValue ?? ""
        let list = "/billing/{t}/jobs/installments/transactions/\(transaction)/list"
        client.expect(200, .patch, "/policy/{t}/transactions/\(transaction)/accept")
        let jobs = client.expect(200, .get, list)
        let installments = client.expect(200, .get, "/billing/{t}/installments/transactions/\(transaction)/list")
        let locators = installments.arrayValue?.compactMap { $0["locator"]?.stringValue } ?? []
        #expect(!locators.isEmpty)
        #expect(jobs.arrayValue?.count == 1)
        #expect(jobs[0]?["installmentLocators"]?.stringValue == locators.joined(separator: ","))
        #expect(jobs[0]?["latticeLocator"] == installments[0]?["installmentLatticeLocator"])
        client.expect(200, .patch, "/policy/{t}/transactions/\(transaction)/issue")
        #expect(client.expect(200, .get, list).arrayValue?.count == 1, "billed once, so one installment job")
    }

    @Test("with the accept trigger a refused transaction is unbilled: its installments and its installment job go, so nothing retries it")
    func refusedAfterAcceptRemovesTheJob() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let fixtures = BillingConfigurationTests.fixtures(billing: #"{"trigger": "accept"}"#).replacingOccurrences(
            of: #""accounts":"#, with: #""jobSettings": {"failInstallmentJobs": true, "installmentQueueSeconds": 1, "installmentRunSeconds": 1}, "accounts":"#)
        try backend.addFixtures(try EmulatorFixtures.load(bytes: Array(fixtures.utf8), file: "c.json"))
        var client = EmulatorClient(backend: backend)
        client.token = "surety-admin"
        client.tenant = BillingConfigurationTests.tenantC
        func accepted(_ vin: String) -> String {
            let body = #"[{"action": "add", "element": {"type": "Vehicle", "data": {"vin": "\#(vin)"}}}]"#
            let transaction = client.expect(200, .patch, "/policy/{t}/policies/01J6A00000000000000000PC01/change", body)["locator"]?.stringValue ?? ""
            #expect(client.expect(200, .patch, "/policy/{t}/transactions/\(transaction)/accept")["transactionState"] == "accepted")
            return transaction
        }
        let refused = accepted("R1"), kept = accepted("K1")
        let keptInstallments = client.expect(200, .get, "/billing/{t}/installments/transactions/\(kept)/list").arrayValue?
            .compactMap { $0["locator"]?.stringValue } ?? []
        #expect(!keptInstallments.isEmpty)
        try backend.advanceClock(bySeconds: 2)
        for transaction in [refused, kept] {
            let jobs = client.expect(200, .get, "/billing/{t}/jobs/installments/transactions/\(transaction)/list")
            #expect(jobs.arrayValue?.map { $0["jobStatus"] } == ["failed"])
        }
        #expect(client.expect(200, .patch, "/policy/{t}/transactions/\(refused)/refuse")["transactionState"] == "refused")
        #expect(client.expect(200, .get, "/billing/{t}/installments/transactions/\(refused)/list") == [])
        #expect(client.expect(200, .get, "/billing/{t}/jobs/installments/transactions/\(refused)/list") == [])
        #expect(client.expect(200, .get, "/billing/{t}/jobs/installments/transactions/\(refused)/list?extended=true")["items"] == [])
        // The other accepted transaction keeps its installments and the job naming them; only it is retried.
        let keptJobs = client.expect(200, .get, "/billing/{t}/jobs/installments/transactions/\(kept)/list")
        #expect(keptJobs[0]?["installmentLocators"]?.stringValue == keptInstallments.joined(separator: ","))
        let retried = client.expect(200, .post, "/billing/{t}/retryJobs/01J6A00000000000000000PC01/retryFailedTransactions")
        #expect(retried["items"]?.arrayValue?.map { $0["referenceLocator"] } == [.string(kept)])
        #expect(backend.snapshot.tenants[BillingConfigurationTests.tenantC]?.jobs.list(.installments).map(\.reference) == [kept])
    }

    @Test("a failed installment job is queued again by retryFailedTransactions and then runs; nothing failed gives an empty page; an unknown policy is 404")
    func retry() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let client = try JobsFixture.tenantC(backend, settings: #"{"failInstallmentJobs": true, "installmentQueueSeconds": 10, "installmentRunSeconds": 10}"#)
        let transaction = client.change("01J6A00000000000000000PC01")
        client.expect(200, .patch, "/policy/{t}/transactions/\(transaction)/issue")
        try backend.advanceClock(bySeconds: 20)
        let list = "/billing/{t}/jobs/installments/transactions/\(transaction)/list"
        let failed = client.expect(200, .get, list)
        #expect(failed[0]?["jobStatus"] == "failed")
        #expect(failed[0]?["processingErrors"] == "Installment generation failed (fixture jobSettings.failInstallmentJobs).")
        let retried = client.expect(200, .post, "/billing/{t}/retryJobs/01J6A00000000000000000PC01/retryFailedTransactions")
        #expect(retried["listCompleted"] == true)
        #expect(retried["items"]?[0]?["jobStatus"] == "queued")
        #expect(retried["items"]?[0]?["processingErrors"] == "")
        try backend.advanceClock(bySeconds: 20)
        #expect(client.expect(200, .get, list)[0]?["jobStatus"] == "finished", "a retry is not made to fail")
        #expect(client.expect(200, .post, "/billing/{t}/retryJobs/01J6A00000000000000000PC01/retryFailedTransactions")["items"] == [])
        client.expect(404, .post, "/billing/{t}/retryJobs/01J6B0000000000000000ZZZZZ/retryFailedTransactions")
    }

    @Test("retryFailedTransactions for another tenant's policy answers 404, not this tenant's empty page")
    func retryCrossTenant() throws {
        var client = EmulatorClient(backend: try EmulatorTestSupport.makeBackend())
        client.token = "surety-token-b"
        client.tenant = BuiltInFixtures.tenantB
        let foreign = client.send(.post, "/billing/{t}/retryJobs/\(BuiltInFixtures.policyA1)/retryFailedTransactions")
        #expect(foreign.status == 404)
        #expect(foreign.json["detail"] == .string("No policy \(BuiltInFixtures.policyA1) in this tenant."))
        #expect(client.send(.post, "/billing/{t}/retryJobs/\(BuiltInFixtures.policyB1)/retryFailedTransactions").status == 200)
    }

    @Test("the quote's fixture installment jobs are listed bare or as a page")
    func quoteJobs() throws {
        let client = EmulatorClient(backend: try EmulatorTestSupport.makeBackend())
        let bare = client.expect(200, .get, "/billing/{t}/jobs/installments/quotes/\(JobsFixture.quote)/list")
        #expect(bare.arrayValue?.compactMap { $0["jobStatus"]?.stringValue } == ["queued", "running", "finished"])
        let page = client.expect(200, .get, "/billing/{t}/jobs/installments/quotes/\(JobsFixture.quote)/list?extended=true&offset=1&count=1")
        #expect(page["listCompleted"] == false)
        #expect(page["items"]?[0]?["jobStatus"] == "running")
    }

    @Test("invoicing, invoice-generation and invoice lifecycle jobs: pages, fetches and 404s")
    func invoices() throws {
        let client = EmulatorClient(backend: try EmulatorTestSupport.makeBackend())
        let invoicing = client.expect(200, .get, "/billing/{t}/jobs/invoicing/accounts/\(JobsFixture.account)/list")
        #expect(invoicing["items"]?.arrayValue?.count == 4)
        #expect(invoicing["items"]?[1]?["invoicingData"]?["installmentsToBeInvoiced"] != nil, "early invoicing")
        #expect(invoicing["items"]?[0]?["completedAt"] == nil, "optional and not done")
        #expect(client.expect(200, .get, "/billing/{t}/jobs/invoicing/\(BuiltInJobFixtures.locator("VJ", 4))")["processingErrors"] == "fixture failure")
        client.expect(404, .get, "/billing/{t}/jobs/invoicing/\(BuiltInJobFixtures.locator("GJ", 1))")
        let generation = client.expect(200, .get, "/billing/{t}/jobs/invoices/accounts/\(JobsFixture.account)/list")
        #expect(generation[0]?["invoiceGenerationInstances"]?.arrayValue?.count == 4)
        #expect(generation[0]?["accountLocator"] == nil)
        #expect(client.expect(200, .get, "/billing/{t}/jobs/invoicesLifecycle/\(BuiltInJobFixtures.locator("CJ", 2))")["workflowType"] == "INVOICE_GENERATION")
        #expect(client.expect(200, .get, "/billing/{t}/jobs/invoicesLifecycle/\(BuiltInJobFixtures.invoice)")["workflowJobLocator"]?.stringValue
            == BuiltInJobFixtures.locator("CJ", 5))
        client.expect(404, .get, "/billing/{t}/jobs/invoicesLifecycle/01J6B0000000000000000ZZZZZ")
    }

    @Test("delinquency grace, creation and event jobs, and empty lists for unknown references")
    func delinquencies() throws {
        let client = EmulatorClient(backend: try EmulatorTestSupport.makeBackend())
        let delinquency = BuiltInJobFixtures.delinquency
        #expect(client.expect(200, .get, "/billing/{t}/jobs/delinquencies/\(delinquency)/list").arrayValue?.count == 4)
        #expect(client.expect(200, .get, "/billing/{t}/jobs/delinquencies/invoices/\(BuiltInJobFixtures.invoice)/list?extended=true")["items"]?.arrayValue?.count == 4)
        let events = client.expect(200, .get, "/billing/{t}/jobs/delinquencies/\(delinquency)/events/list?count=2")
        #expect(events["listCompleted"] == false && events["items"]?.arrayValue?.count == 2)
        let unknown = "01J6B0000000000000000ZZZZZ"
        #expect(client.expect(200, .get, "/billing/{t}/jobs/delinquencies/\(unknown)/list") == [])
        #expect(client.expect(200, .get, "/billing/{t}/jobs/delinquencies/invoices/\(unknown)/list") == [])
        #expect(client.expect(200, .get, "/billing/{t}/jobs/delinquencies/\(unknown)/events/list")["items"] == [])
        #expect(client.expect(200, .get, "/billing/{t}/jobs/invoices/accounts/\(unknown)/list") == [])
        #expect(client.expect(200, .get, "/billing/{t}/jobs/installments/transactions/\(unknown)/list") == [])
    }

    @Test("a fixture job with a plan is moved by the clock: started, then failed with its failure text")
    func fixturePlan() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let job = #"{"kind": "grace", "locator": "01J6B00000000000000000ZZ01", "state": "queued", "startAfterSeconds": 60, "runSeconds": 30, "ending": "failed", "failure": "grace rules missing", "data": {"delinquencyLocator": "01J6B00000000000000000DQ09"}}"#
        let client = try JobsFixture.tenantC(backend, settings: "{}", jobs: job)
        let list = "/billing/{t}/jobs/delinquencies/01J6B00000000000000000DQ09/list"
        #expect(client.expect(200, .get, list)[0]?["jobStatus"] == "queued")
        try backend.advanceClock(bySeconds: 60)
        #expect(client.expect(200, .get, list)[0]?["updatedAt"]?.stringValue == EmulatorTestSupport.start.adding(seconds: 60).rfc3339(fractional: true))
        try backend.setClock(to: EmulatorTestSupport.start.adding(seconds: 3600))
        let failed = client.expect(200, .get, list)
        #expect(failed[0]?["jobStatus"] == "failed")
        #expect(failed[0]?["processingErrors"] == "grace rules missing")
        #expect(failed[0]?["updatedAt"]?.stringValue == EmulatorTestSupport.start.adding(seconds: 90).rfc3339(fractional: true))
    }
}
