import Foundation
import SuretyJSON
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// `surety diff` and `surety har import` over HAR files in the shapes Chrome, Firefox and mitmproxy export
/// (`Tests/SuretyRecordingsTests/HARCases`), with the diff fixture's policies contract.
@Suite("surety diff and har import over browser and mitmproxy HAR files")
struct HARDiffCommandTests {
    static let cases = TestRepository.root + "/Tests/SuretyRecordingsTests/HARCases"
    static let contract = ["--contracts", TestRepository.root + "/Tests/SuretyRecordingsTests/DiffCases/contract"]
    static let chrome = cases + "/chrome.har", firefox = cases + "/firefox.har", mitmproxy = cases + "/mitmproxy.har"

    @Test("Chrome's pretty HAR and Firefox's compact and base64 HAR of the same traffic: no difference, what is not the API skipped and counted")
    func sameTrafficFromTwoBrowsers() async {
        let result = await surety(["diff", Self.chrome, Self.firefox] + Self.contract)
        #expect(result.code == .success, "\(result.out)\(result.err)")
        #expect(result.out == "no differences; 2 exchanges paired\n")
        #expect(result.err.contains("\(Self.chrome): skipped 7 of 9 entries: 4 static files, 1 CORS preflight, 1 without a response, "
                                    + "1 for another host (www.google-analytics.com 1); the API's host is api.example.com"))
        #expect(result.err.contains("\(Self.firefox): skipped 1 of 3 entries: 1 static file"))
    }

    @Test("mitmproxy's pretty HAR with a required property removed and a type changed: both breaking, by property, exit 1")
    func breakingChangesInPrettyTraffic() async throws {
        let result = await surety(["diff", Self.chrome, Self.mitmproxy, "--format", "json"] + Self.contract)
        #expect(result.code == .findings, "\(result.err)")
        let report = try JSONParser().parse(Array(result.out.utf8)).value()
        let differences = (report["exchanges"]?.arrayValue ?? []).flatMap { $0["differences"]?.arrayValue ?? [] }
        #expect(differences.map { "\($0["severity"]?.stringValue ?? "") \($0["rule"]?.stringValue ?? "") \($0["pointer"]?.stringValue ?? "")" } == [
            "breaking required-property-removed /name", "breaking type-changed /premium",
        ])
        #expect(result.err.contains("1 for another host (staging-api.example.com 1)"))
    }

    @Test("--host picks the API's entries when several hosts are present")
    func host() async {
        let staging = await surety(["diff", Self.mitmproxy, Self.mitmproxy, "--host", "staging-api.example.com"] + Self.contract)
        #expect(staging.out == "no differences; 1 exchange paired\n")
        #expect(staging.err.contains("2 for another host (api.example.com 2)"))
    }

    @Test("har import writes the API's entries of a browser HAR as JSON recordings and says what it skipped")
    func importBrowserHAR() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-har-browser")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = await surety(["har", "import", Self.chrome, directory + "/recordings"] + Self.contract)
        #expect(result.code == .success, "\(result.err)")
        #expect(result.out.contains("imported 2 exchange(s)"))
        #expect(result.err.contains("skipped 7 of 9 entries"))
        let files = (FileManager.default.subpaths(atPath: directory + "/recordings") ?? []).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count == 2)
        for file in files {
            let text = try String(contentsOfFile: directory + "/recordings/" + file, encoding: .utf8)
            #expect(text.contains(#""json": "#) && !text.contains("run-token") && !text.contains(#"":authority""#), "\(file)")
        }
    }
}
