import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import Testing
@testable import SuretyRecordings

@Suite struct HARConverterTests {
    static let exchanges: [Exchange] = [
        Sample.exchange(Sample.termsList("count=10&flag&name=a%20b", headers: ["Accept": "application/json", "X-Dup": "1", "X-Dup": "2"]),
                        Sample.json(#"{"zeta":1,"alpha":[true]}"#)),
        Sample.exchange(Sample.addElements(#"{"a":[1,2.50]}"#), HTTPResponse(status: 201, text: "created")),
        Sample.exchange(HTTPRequest(method: .post, target: "/unrouted", headers: ["Content-Type": "application/octet-stream"], body: [0, 0xFF]),
                        HTTPResponse(status: 502, contentType: "application/octet-stream", body: [0xDE, 0xAD, 0xBE, 0xEF])),
    ]

    @Test("Exchanges exported to HAR and imported again are equal: messages, endpoint, violations and timing")
    func roundTrip() throws {
        let converter = HARConverter()
        let har = converter.exportBytes(Self.exchanges)
        let (imported, issues) = converter.importEntries(from: har, file: "x.har")
        #expect(issues.isEmpty)
        #expect(imported == Self.exchanges)
        #expect(imported[0].violations == Self.exchanges[0].violations)
    }

    @Test("The HAR has the 1.2 shape other tools read")
    func shape() throws {
        let har = try JSONParser().parse(HARConverter(baseURL: "https://api.example.com/").exportBytes(Self.exchanges)).value()
        #expect(har["log"]?["version"] == "1.2")
        let entry = try #require(har["log"]?["entries"]?[0])
        #expect(entry["request"]?["url"] == .string("https://api.example.com/policy/\(Sample.tenant)/policies/\(Sample.policy)/terms/list?count=10&flag&name=a%20b"))
        #expect(entry["request"]?["queryString"]?[2] == .object(["name": "name", "value": "a b"]))
        #expect(entry["response"]?["content"] == .object(["size": 25, "mimeType": "application/json", "text": #"{"zeta":1,"alpha":[true]}"#]))
        #expect(entry["startedDateTime"] == "2025-01-31T09:30:00.123Z")
        #expect(entry["timings"]?["wait"] == .number(JSONNumber(literal: "12.5")))
        let binary = try #require(har["log"]?["entries"]?[2]?["response"]?["content"])
        #expect(binary["encoding"] == "base64")
        #expect(binary["text"] == "3q2+7w==")
        #expect(har["log"]?["entries"]?[1]?["request"]?["postData"] == .object(["mimeType": "application/json", "text": #"{"a":[1,2.50]}"#]))
    }

    @Test("A browser's HAR imports: cookies, timings, extensions and HTTP/2 pseudo-headers are tolerated, entries routed by the contract")
    func browserHAR() throws {
        let har = """
        {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "pages": [],
          "entries": [{
            "_initiator": {"type": "script"}, "_priority": "High", "_resourceType": "fetch", "cache": {},
            "pageref": "page_1", "serverIPAddress": "127.0.0.1", "connection": "443",
            "request": {"method": "GET", "url": "https://app.example.com/policy/\(Sample.tenant)/terms/\(Sample.policy)#frag",
              "httpVersion": "http/2.0", "headers": [{"name": ":authority", "value": "app.example.com"}, {"name": "accept", "value": "*/*"},
              {"name": "cookie", "value": "session=abc"}], "queryString": [], "cookies": [{"name": "session", "value": "abc"}],
              "headersSize": -1, "bodySize": 0},
            "response": {"status": 200, "statusText": "", "httpVersion": "http/2.0",
              "headers": [{"name": "content-type", "value": "application/json"}], "cookies": [],
              "content": {"size": 2, "mimeType": "application/json", "compression": 0, "text": "{}"},
              "redirectURL": "", "headersSize": -1, "bodySize": -1, "_transferSize": 300, "_error": null},
            "startedDateTime": "2025-01-31T10:30:00.250+01:00", "time": 42.7,
            "timings": {"blocked": 1.2, "dns": -1, "ssl": -1, "connect": -1, "send": 0.1, "wait": 40, "receive": 1.4, "_blocked_queueing": 0.9},
            "_extensions": {"anything": [1, 2]}
          }, {"request": {"url": "https://app.example.com/x"}, "response": {"status": 200}}]}}
        """
        let (imported, issues) = HARConverter(checker: TestContract.checker).importEntries(from: Array(har.utf8), file: "browser.har")
        #expect(imported.count == 1)
        let exchange = try #require(imported.first)
        #expect(exchange.endpointID == "fetchTerm")
        #expect(exchange.pathParameters["locator"] == Sample.policy)
        #expect(exchange.request.path == "/policy/\(Sample.tenant)/terms/\(Sample.policy)")
        #expect(exchange.request.headers.map(\.name) == ["accept", "cookie"])
        #expect(exchange.response.body == .json(.object([])))
        #expect(exchange.timing == Exchange.Timing(startedAt: Date(timeIntervalSince1970: 1_738_315_800.25), milliseconds: 42.7))
        #expect(issues.map(\.description) == ["browser.har:16:18: error: missing member \"method\" [at /log/entries/1/request]"])
    }

    @Test("A file that is not a HAR is reported, not crashed on")
    func notHAR() {
        let converter = HARConverter()
        #expect(converter.importEntries(from: Array("[]".utf8), file: "a.har").issues.map(\.reason) == [.missing(member: "log")])
        #expect(converter.importEntries(from: Array(#"{"log": {}}"#.utf8), file: "a.har").issues.map(\.reason) == [.missing(member: "entries")])
        #expect(converter.importEntries(from: Array("{".utf8), file: "a.har").issues.count == 1)
        let badBase64 = #"{"log": {"entries": [{"request": {"method": "GET", "url": "/x"}, "response": {"status": 200,"#
            + #" "content": {"encoding": "base64", "text": "%%"}}}]}}"#
        #expect(converter.importEntries(from: Array(badBase64.utf8), file: "a.har").issues.map(\.pointer) == ["/log/entries/0/response/content/text"])
    }
}
