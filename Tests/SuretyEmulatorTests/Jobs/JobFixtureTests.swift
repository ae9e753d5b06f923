import SuretyEmulator
import SuretyJSON
import SuretySchemas
import Testing

@Suite struct JobFixtureTests {
    @Test("the built-in jobs load without issues and pass the contract check")
    func builtIn() throws {
        let fixtures = try EmulatorFixtures.load(bytes: Array(BuiltInFixtures.json.utf8), file: "built-in")
        let jobs = fixtures.tenants[0].jobs
        #expect(jobs.count == 9 + 4 * 5 + 5 * 2 + 9 + 6)
        #expect(JobFixtureCheck(contract: EmulatorTestSupport.contract).issues(in: fixtures).map(\.description) == [])
        #expect(fixtures.tenants[0].jobSettings?.failingDocuments == ["quoteLetter", "segmentSchedule"])
    }
}

extension JobFixtureTests {
    static func tenant(_ jobs: String, settings: String = "") -> String {
        """
        {"tenants": [{"locator": "5a1c8a34-6a3c-4d55-9a57-2b1de1f0c003",\(settings)
          "jobs": [\(jobs)]}]}
        """
    }

    static func messages(_ text: String) -> [String] {
        do {
            _ = try EmulatorFixtures.load(bytes: Array(text.utf8), file: "jobs.json")
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test("every job fixture problem is reported with file, line, column, pointer and reason")
    func readerErrors() {
        let text = Self.tenant("""
        {"kind": "documentz", "locator": "01J6B00000000000000000ZZ01", "state": "running"},
          {"kind": "deserialization", "locator": "nope", "state": "finished", "ending": "finished", "runSeconds": -1, "data": {}},
          {"kind": "grace", "locator": "01J6B00000000000000000ZZ03", "state": "queued", "createdAt": "soon", "data": {}},
          {"kind": "grace", "locator": "01J6B00000000000000000ZZ03", "state": "queued", "data": {"delinquencyLocator": "01J6B00000000000000000DQ01"}}
        """, settings: #" "jobSettings": {"documentRunSeconds": "5", "failInstallmentJobs": 1},"#)
        #expect(Self.messages(text) == [
            #"jobs.json:2:21: error: expected one of documents | installments | invoicing | invoiceGeneration | invoiceLifecycle | grace | delinquencyCreate | delinquencyEvent | anonymization | deserialization, found "documentz" [at /tenants/0/jobs/0/kind]"#,
            #"jobs.json:3:42: error: expected a ulid, found "nope" [at /tenants/0/jobs/1/locator]"#,
            "jobs.json:3:107: error: expected a number of seconds ≥ 0, found -1 [at /tenants/0/jobs/1/runSeconds]",
            #"jobs.json:3:59: error: expected one of initialized | running | interrupted | failed | completed | terminated for deserialization jobs, found "finished" [at /tenants/0/jobs/1/state]"#,
            #"jobs.json:3:81: error: expected one of completed | failed | interrupted, found "finished" [at /tenants/0/jobs/1/ending]"#,
            #"jobs.json:4:94: error: expected an RFC 3339 datetime, found "soon" [at /tenants/0/jobs/2/createdAt]"#,
            #"jobs.json:4:110: error: missing required member "delinquencyLocator" [at /tenants/0/jobs/2/data/delinquencyLocator]"#,
            "jobs.json:2:11: error: duplicate job 01J6B00000000000000000ZZ03 [at /tenants/0/jobs]",
            "jobs.json:1:104: error: expected an integer, found string [at /tenants/0/jobSettings/documentRunSeconds]",
            "jobs.json:1:132: error: expected a boolean, found number [at /tenants/0/jobSettings/failInstallmentJobs]",
        ])
    }

    @Test("a fixture job whose response would break the contract is refused when the emulator starts, pointing into the file")
    func contractErrors() throws {
        let text = Self.tenant("""
        {"kind": "deserialization", "locator": "01J6B00000000000000000ZZ01", "state": "failed",
           "data": {"jobType": "scheduleItems", "metadata": {"referenceLocator": "x", "staticElementLocator": "01J6B00000000000000000SE01",
                    "fileName": "a.csv", "fileSize": "big", "referenceType": "policy", "params": {}}, "jobTyp": "x"}}
        """)
        let fixtures = try EmulatorFixtures.load(bytes: Array(text.utf8), file: "jobs.json")
        let expected = [
            #"jobs.json:3:12: error: expected ulid (DeserializationJob, rule format), found "x" [at /tenants/0/jobs/0/data/metadata/referenceLocator]"#,
            "jobs.json:3:12: error: expected integer (DeserializationJob, rule type), found string [at /tenants/0/jobs/0/data/metadata/fileSize]",
            #"jobs.json:3:12: error: expected only the properties of DeserializationJob (DeserializationJob, rule unknownProperty), found property "jobTyp" [at /tenants/0/jobs/0/data/jobTyp]"#,
        ]
        #expect(JobFixtureCheck(contract: EmulatorTestSupport.contract).issues(in: fixtures).map(\.description) == expected)
        #expect(throws: FixtureErrors.self) { try EmulatedBackend(contract: EmulatorTestSupport.contract, fixtures: fixtures) }
        let backend = try EmulatorTestSupport.makeBackend()
        #expect { try backend.addFixtures(fixtures) } throws: { error in
            guard case EmulatorAdminError.fixtures(let errors) = error else { return false }
            return errors.issues.map(\.description) == expected
        }
    }

    @Test("fixture jobs that clash with running ones are refused as a whole")
    func clash() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        let text = """
        {"tenants": [{"locator": "\(BuiltInFixtures.tenantA)", "jobs": [
          {"kind": "grace", "locator": "\(BuiltInJobFixtures.locator("GR", 1))", "state": "queued", "data": {"delinquencyLocator": "01J6B00000000000000000DQ01"}}]}]}
        """
        let fixtures = try EmulatorFixtures.load(bytes: Array(text.utf8), file: "extra.json")
        #expect(throws: EmulatorAdminError.fixtures(FixtureErrors(issues: [FixtureIssue(file: "<fixtures>", pointer: "/tenants/0/jobs/0",
                                                            reason: .duplicate(kind: "job", value: BuiltInJobFixtures.locator("GR", 1)))]))) {
            try backend.addFixtures(fixtures)
        }
    }
}
