import Foundation
import SuretyJSON
import SuretyTestSupport
import Testing

/// `surety check --base-url` against `surety serve --replay` of recordings of its own traffic, as processes over
/// loopback: untouched, the replay conforms; each tampered recording is caught with its pointer.
@Suite("surety check against surety serve --replay of tampered recordings")
struct CheckAgainstReplayTests {
    static let seed = "7"

    /// Starts `surety serve` with `arguments` and returns the process and its base URL.
    func serve(_ arguments: [String]) async throws -> (RunningProcess, String) {
        let process = try RunningProcess(arguments: ["serve", "--port", "0", "--quiet", "--no-auth", "--contracts", TestRepository.contracts]
                                         + arguments)
        let url = try #require(await process.readLine(timeout: 60)?.split(separator: " ").last.map(String.init), "serve printed its address")
        return (process, url)
    }

    /// Runs `surety check --base-url URL` with the fixed seed, without scenarios, as a process.
    func check(_ url: String, reportTo report: String) async throws -> ToolRunner.Output {
        try await ToolRunner.run(RunningProcess.suretyExecutable,
                                 ["check", "--base-url", url, "--seed", Self.seed, "--no-scenarios", "--report", "json:" + report,
                                  "--contracts", TestRepository.contracts], timeout: 180)
    }

    /// A JSON report written by `--report json:`.
    func readReport(_ path: String) throws -> JSONValue {
        try JSONParser().parse(Array(try Data(contentsOf: URL(fileURLWithPath: path)))).value()
    }

    /// The first recording of `endpoint` whose response is a 200 with a JSON object body.
    func firstSuccess(of endpoint: String, in folder: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/" + endpoint).sorted()
        for name in names where name.hasSuffix(".json") {
            let file = try Recording(path: folder + "/" + endpoint + "/" + name)
            if file.status == 200, file.body != nil { return endpoint + "/" + name }
        }
        throw Recording.Failure(reason: "no 200 recording of \(endpoint)")
    }

    @Test("each tampering (enum, required, type, status, content type) is reported with its endpoint, part and pointer", .timeLimit(.minutes(5)))
    func tamperedReplayIsCaught() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-check-replay")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let folder = directory + "/recordings"

        let (mock, mockURL) = try await serve([])
        let (recorder, recorderURL) = try await serve(["--record", folder, "--upstream", mockURL])
        let recorded = try await check(recorderURL, reportTo: directory + "/recorded.json")
        #expect(recorded.status == 0, "\(recorded.standardError)")
        #expect(await recorder.stop().status == 0)
        #expect(await mock.stop().status == 0)

        let (untouchedReplay, untouchedURL) = try await serve(["--replay", folder])
        let untouched = try await check(untouchedURL, reportTo: directory + "/untouched.json")
        #expect(await untouchedReplay.stop().status == 0)
        #expect(untouched.status == 0, "the untouched replay conforms: \(untouched.standardOutput.suffix(2_000))")
        let recordedReport = try readReport(directory + "/recorded.json"), untouchedReport = try readReport(directory + "/untouched.json")
        #expect(untouchedReport["results"] == recordedReport["results"], "the replay answers what was recorded")
        #expect(untouchedReport["coverage"] == recordedReport["coverage"])

        let tamperings: [(endpoint: String, edit: (inout Recording) -> Void, expected: String)] = [
            ("fetchTransaction", { $0.setBody(member: "transactionState", to: "bogus") }, "responseBody /transactionState enum"),
            ("fetchTerm", { $0.setBody(member: "locator", to: nil) }, "responseBody /locator required"),
            ("fetchTransactionSegment", { $0.setBody(member: "duration", to: "long") }, "responseBody /duration type"),
            ("fetchTermsForPolicy", { $0.status = 299 }, "status  status"),
            ("fetchLatestInstallmentLatticeByQuoteLocator", { $0.setHeader("Content-Type", to: "text/plain") }, "responseHeader /Content-Type contentType"),
        ]
        var expected: Set<String> = []
        for tampering in tamperings {
            let file = try firstSuccess(of: tampering.endpoint, in: folder)
            var recording = try Recording(path: folder + "/" + file)
            tampering.edit(&recording)
            try recording.write()
            expected.insert("\(tampering.endpoint) \(tampering.expected)")
        }

        let (replay, replayURL) = try await serve(["--replay", folder])
        let tampered = try await check(replayURL, reportTo: directory + "/tampered.json")
        #expect(await replay.stop().status == 0)
        #expect(tampered.status == 1, "\(tampered.standardError)")
        let report = try readReport(directory + "/tampered.json")
        let failures = (report["results"]?.arrayValue ?? []).filter { $0["passed"] == .bool(false) }
        var found: Set<String> = []
        for failure in failures {
            for violation in failure["violations"]?.arrayValue ?? [] where violation["severity"] == .string("error") {
                let parts = [violation["in"], violation["pointer"], violation["rule"]].map { $0?.stringValue ?? "?" }
                found.insert("\(failure["endpoint"]?.stringValue ?? "-") " + parts.joined(separator: " "))
            }
        }
        #expect(found == expected)
        #expect(tampered.standardOutput.contains("responseBody /transactionState: enum: expected one of"))
    }
}

/// A recording file opened with Foundation for editing: its response status, headers and JSON body.
struct Recording {
    struct Failure: Error { var reason: String }

    let path: String
    var root: [String: Any]

    init(path: String) throws {
        self.path = path
        guard let root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] else {
            throw Failure(reason: "\(path) is not an object")
        }
        self.root = root
    }

    var response: [String: Any] {
        get { root["response"] as? [String: Any] ?? [:] }
        set { root["response"] = newValue }
    }

    var status: Int {
        get { response["status"] as? Int ?? 0 }
        set { response["status"] = newValue }
    }

    var body: [String: Any]? { (response["body"] as? [String: Any])?["json"] as? [String: Any] }

    /// Sets (or, with nil, removes) a member of the JSON body object.
    mutating func setBody(member: String, to value: Any?) {
        var json = body ?? [:]
        json[member] = value
        response["body"] = ["json": json]
    }

    /// Replaces the value of a response header.
    mutating func setHeader(_ name: String, to value: String) {
        let headers = (response["headers"] as? [[String: String]] ?? []).map { field in
            field["name"]?.lowercased() == name.lowercased() ? ["name": field["name"] ?? name, "value": value] : field
        }
        response["headers"] = headers
    }

    func write() throws {
        try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
    }
}
