import SuretyEmulator
import SuretyJSON
import SuretySchemas
import Testing

@Suite struct DocumentsJobTests {
    @Test("pricing starts a documents job that runs for the configured time on the emulator's clock, then finishes")
    func runsThenFinishes() throws {
        let (backend, client, transaction) = try JobsFixture.changeOnTenantB()
        client.expect(200, .patch, "/policy/{t}/transactions/\(transaction)/price")
        let list = client.expect(200, .get, "/document/{t}/documents/transaction/\(transaction)/jobs/list")
        #expect(list.arrayValue?.count == 1)
        #expect(list[0]?["status"] == "running")
        let job = try #require(list[0]?["locator"]?.stringValue)
        let path = "/document/{t}/documents/transaction/\(transaction)/jobs/\(job)"
        var fetched = client.expect(200, .get, path)
        #expect(fetched["documentTrigger"] == "priced")
        #expect(fetched["transactionLocator"]?.stringValue == transaction)
        #expect(fetched["completedAt"] == "1970-01-01T00:00:00.000000Z")
        #expect(fetched["documents"]?[0]?["documentInstanceState"] == "draft")
        try backend.advanceClock(bySeconds: 4)
        #expect(client.expect(200, .get, path)["status"] == "running")
        try backend.advanceClock(bySeconds: 1)
        fetched = client.expect(200, .get, path)
        #expect(fetched["status"] == "finished")
        #expect(fetched["completedAt"]?.stringValue == EmulatorTestSupport.start.adding(seconds: 5).rfc3339(fractional: true))
        #expect(fetched["documents"]?[0]?["documentInstanceState"] == "ready")
        #expect(backend.snapshot.tenants[BuiltInFixtures.tenantB]?.jobs.jobs[job]?.state == .running,
                "a GET answers the job moved without storing the move: the state stays what the journal replays")
        client.expect(200, .patch, "/policy/{t}/transactions/\(transaction)/issue")
        #expect(backend.snapshot.tenants[BuiltInFixtures.tenantB]?.jobs.jobs[job]?.state == .finished, "a kept change stores it")
    }

    @Test("a document instance's state follows its job: draft while rendering, ready when finished, the job's error when failed")
    func documentFollowsItsJob() throws {
        let (backend, client, transaction) = try JobsFixture.changeOnTenantB()
        client.expect(200, .patch, "/policy/{t}/transactions/\(transaction)/price")
        let path = "/document/{t}/documents/transaction/\(transaction)/list"
        #expect(client.expect(200, .get, path)[0]?["documentInstanceState"] == "draft")
        #expect(client.expect(200, .get, path)[0]?["readyAt"] == nil)
        try backend.advanceClock(bySeconds: 5)
        #expect(client.expect(200, .get, path)[0]?["documentInstanceState"] == "ready")
        let failing = EmulatorClient(backend: backend)
        let other = failing.change(BuiltInFixtures.policyA1)
        failing.expect(200, .patch, "/policy/{t}/transactions/\(other)/price")
        let failed = failing.expect(200, .get, "/document/{t}/documents/transaction/\(other)/list")
        #expect(failed[0]?["documentInstanceState"] == "renderError")
        #expect(failed[0]?["processingErrors"] == "Rendering failed for quoteLetter.")
    }

    @Test("issuing starts one job for the transaction's documents and one for the segment's")
    func issueJobs() throws {
        let (_, client, transaction) = try JobsFixture.changeOnTenantB()
        client.expect(200, .patch, "/policy/{t}/transactions/\(transaction)/issue")
        let segment = try #require(client.expect(200, .get, "/policy/{t}/transactions/\(transaction)/segment")["locator"]?.stringValue)
        let transactionJobs = client.expect(200, .get, "/document/{t}/documents/transaction/\(transaction)/jobs/list?extended=true")
        #expect(transactionJobs["items"]?.arrayValue?.count == 2, "priced and issued")
        #expect(transactionJobs["listCompleted"] == true)
        let segmentJobs = client.expect(200, .get, "/document/{t}/documents/segment/\(segment)/jobs/list")
        let job = try #require(segmentJobs[0]?["locator"]?.stringValue)
        let fetched = client.expect(200, .get, "/document/{t}/documents/segment/\(segment)/jobs/\(job)")
        #expect(fetched["referenceType"] == "segment" && fetched["documentTrigger"] == "issued")
        #expect(fetched["documents"]?[0]?["staticName"] == "segmentSchedule")
    }

    @Test("a job whose documents fail to render fails; its trigger runs it again; a job that has not failed is refused with 409")
    func failedRetrigger() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let client = EmulatorClient(backend: backend)
        let transaction = client.change(BuiltInFixtures.policyA1)
        client.expect(200, .patch, "/policy/{t}/transactions/\(transaction)/price")
        let job = try #require(client.expect(200, .get, "/document/{t}/documents/transaction/\(transaction)/jobs/list")[0]?["locator"]?.stringValue)
        let path = "/document/{t}/documents/transaction/\(transaction)/jobs/\(job)"
        let failed = client.expect(200, .get, path)
        #expect(failed["status"] == "failed")
        #expect(failed["processingErrors"] == "Rendering failed for quoteLetter.")
        #expect(failed["documents"]?[0]?["documentInstanceState"] == "renderError")
        #expect(client.expect(200, .post, path + "/trigger")["status"] == "running")
        #expect(client.expect(200, .get, path)["status"] == "finished", "the re-run is not made to fail")
        let refused = client.expect(409, .post, path + "/trigger")
        #expect(refused["detail"]?.stringValue == "Cannot retrigger job \(job) in state finished.")
        #expect(refused["status"] == 409)
        client.expect(404, .post, "/document/{t}/documents/segment/\(transaction)/jobs/\(job)/trigger")
    }

    @Test("the reference's trigger restarts only its jobs running past the timeout")
    func timedOut() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let job = #"{"kind": "documents", "locator": "01J6B00000000000000000ZZ01", "state": "running", "createdAt": "2024-09-30T23:59:00Z", "data": {"transactionLocator": "00000000000000000000000000", "segmentLocator": "00000000000000000000000000", "referenceLocator": "01J6A00000000000000000QC01", "referenceType": "quote", "documentTrigger": "issued", "isConsolidation": false, "childrenJobs": [], "documents": []}}"#
        let client = try JobsFixture.tenantC(backend, settings: #"{"documentRunSeconds": 600, "documentTimeoutSeconds": 120}"#, jobs: job)
        let trigger = "/document/{t}/documents/quote/01J6A00000000000000000QC01/trigger"
        #expect(client.expect(200, .post, trigger) == [], "running 60 s, not yet timed out")
        try backend.advanceClock(bySeconds: 60)
        let restarted = client.expect(200, .post, trigger)
        #expect(restarted[0]?["locator"] == "01J6B00000000000000000ZZ01")
        #expect(restarted[0]?["status"] == "running")
        #expect(client.expect(200, .post, trigger) == [], "the restart began a new run")
        try backend.advanceClock(bySeconds: 600)
        #expect(client.expect(200, .get, "/document/{t}/documents/quote/01J6A00000000000000000QC01/jobs/01J6B00000000000000000ZZ01")["status"] == "finished")
        #expect(client.expect(200, .post, trigger) == [])
    }

    @Test("lists answer an empty list for an unknown reference; a job, or a timed-out trigger, of an unknown reference is 404")
    func unknownReferences() throws {
        let client = EmulatorClient(backend: try EmulatorTestSupport.makeBackend())
        let unknown = "01J6B0000000000000000ZZZZZ"
        for type in ["transaction", "segment", "quote"] {
            #expect(client.expect(200, .get, "/document/{t}/documents/\(type)/\(unknown)/jobs/list") == [])
            #expect(client.expect(200, .get, "/document/{t}/documents/\(type)/\(unknown)/jobs/list?extended=true")["listCompleted"] == true)
            client.expect(404, .get, "/document/{t}/documents/\(type)/\(unknown)/jobs/\(BuiltInJobFixtures.locator("DJ", 1))")
            client.expect(404, .post, "/document/{t}/documents/\(type)/\(unknown)/trigger")
        }
        client.expect(404, .post, "/document/{t}/documents/invoices/\(unknown)/jobs/\(BuiltInJobFixtures.locator("DJ", 4))/trigger")
        #expect(client.expect(200, .post, "/document/{t}/documents/invoices/\(BuiltInJobFixtures.invoice)/jobs/\(BuiltInJobFixtures.locator("DJ", 4))/trigger")["status"] == "running")
    }
}
