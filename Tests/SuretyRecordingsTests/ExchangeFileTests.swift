import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas
import Testing
@testable import SuretyRecordings

@Suite struct ExchangeFileTests {
    @Test("An exchange written to a file reads back equal, timing and violations included")
    func roundTrip() throws {
        var exchange = Sample.exchange(Sample.termsList("count=10&flag&name=a%20b", headers: ["Accept": "application/json", "X-Trace": "1", "X-Trace": "2"]),
                                       Sample.json(#"{"zeta":1,"alpha":[true,null,"x"]}"#))
        exchange.violations.append(Violation(severity: .warning, part: .responseBody, pointer: "/zeta", rule: .type, expected: "string", actual: "1"))
        let decoded = try Exchange(fileBytes: exchange.fileBytes, file: "x.json")
        #expect(decoded == exchange)
        #expect(decoded.request.query.contains(HTTPQueryItem(name: "flag", value: nil)))
        #expect(decoded.request.headers.values(for: "X-Trace") == ["1", "2"])
    }

    @Test("The envelope's keys are sorted while a JSON body keeps the server's key order")
    func canonicalEnvelope() {
        let exchange = Sample.exchange(Sample.termsList(), Sample.json(#"{"zeta":1,"alpha":2}"#))
        let text = String(decoding: exchange.fileBytes, as: UTF8.self)
        let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topLevel == ["endpoint", "format", "pathParameters", "request", "response", "timing", "violations"])
        let zeta = text.range(of: "\"zeta\"")!.lowerBound
        let alpha = text.range(of: "\"alpha\"")!.lowerBound
        #expect(zeta < alpha)
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains(#""startedAt": "2025-01-31T09:30:00.123Z""#))
    }

    @Test("Bodies are compact JSON when written back byte for byte, formatted JSON when they parse, else text, else base64")
    func bodyClassification() {
        #expect(RecordedBody(bytes: Array(#"{"a":[1,2.50]}"#.utf8)) == .json(.object(["a": [1, .number(JSONNumber(literal: "2.50"))]])))
        #expect(RecordedBody(bytes: Array("{ \"a\": 1 }".utf8)) == .formattedJSON(.object(["a": 1]), text: "{ \"a\": 1 }"))
        #expect(RecordedBody(bytes: Array(#"{"a":1,"a":2}"#.utf8)) == .text(#"{"a":1,"a":2}"#))
        #expect(RecordedBody(bytes: [0xFF, 0x00, 0x41]) == .binary([0xFF, 0x00, 0x41]))
        #expect(RecordedBody(bytes: []) == .empty)
        for sample in [Array(#"{"b":"\u00e9","a":"é"}"#.utf8), Array("plain".utf8), [0xFE, 0xFF]] {
            #expect(RecordedBody(bytes: sample).bytes == sample)
        }
    }

    @Test("A binary body survives the file as base64")
    func binaryBody() throws {
        let exchange = Sample.exchange(Sample.termsList(), HTTPResponse(contentType: "application/octet-stream", body: [0, 1, 0xFF, 0x80]))
        let text = String(decoding: exchange.fileBytes, as: UTF8.self)
        #expect(text.contains(#""base64": "AAH/gA==""#))
        #expect(try Exchange(fileBytes: exchange.fileBytes, file: "x.json").response.httpResponse.body == [0, 1, 0xFF, 0x80])
    }

    @Test("Every problem of a tampered file is reported with its pointer and line")
    func tamperedFile() {
        let file = """
        {
          "endpoint": "fetchTerm",
          "format": 1,
          "request": {
            "headers": [{"name": "Accept"}],
            "method": "GET",
            "path": "policy/x",
            "query": []
          },
          "response": {
            "body": {"base64": "%%%", "text": "x"},
            "headers": [],
            "status": 99
          },
          "timing": {"milliseconds": -1, "startedAt": "yesterday"},
          "violatons": []
        }
        """
        let rendered = issuesReading(file, as: "fetchTerm/1.json").map(\.description)
        #expect(rendered == [
            "fetchTerm/1.json:5:17: error: missing member \"value\" [at /request/headers/0]",
            "fetchTerm/1.json:7:13: error: expected a path starting with /, found \"policy/x\" [at /request/path]",
            "fetchTerm/1.json:11:13: error: expected exactly one of \"json\", \"text\", \"base64\", or \"json\" and \"text\", found 2 members [at /response/body]",
            "fetchTerm/1.json:13:15: error: expected a status code 100–599, found 99 [at /response/status]",
            "fetchTerm/1.json:15:30: error: expected a number ≥ 0, found -1 [at /timing/milliseconds]",
            "fetchTerm/1.json:15:47: error: expected an RFC 3339 timestamp, found \"yesterday\" [at /timing/startedAt]",
            "fetchTerm/1.json:16:16: error: unknown member \"violatons\" [at /violatons]",
        ])
    }

    @Test("A file that is not JSON is one issue with its line and column")
    func syntaxError() {
        let issues = issuesReading("{\n  \"format\": 1,\n}", as: "a/b.json")
        #expect(issues.count == 1)
        #expect(issues.first?.position == TextPosition(line: 3, column: 1))
        #expect(issues.first?.description.hasPrefix("a/b.json:3:1: error: not JSON: trailing comma") == true)
    }

    @Test("A missing request and response are named, and an unknown format is refused")
    func missingParts() {
        #expect(issuesReading(#"{"endpoint": null, "format": 2}"#, as: "f.json").map(\.reason) == [
            .missing(member: "request"), .missing(member: "response"), .unsupportedFormat(found: "2", supported: 1),
        ])
    }

    @Test("Timestamps are written in UTC with milliseconds and read back with offsets")
    func timestamps() {
        #expect(Timestamp.recordingText(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.recordingText(Date(timeIntervalSince1970: 951_782_400.5)) == "2000-02-29T00:00:00.500Z")
        #expect(Timestamp.recordingDate("2000-02-29T01:30:00.5+01:30") == Date(timeIntervalSince1970: 951_782_400.5))
        #expect(Timestamp.recordingDate("2000-02-29 01:30:00Z") == nil)
        #expect(Timestamp.recordingDate("2001-02-29T00:00:00Z") == nil)  // not a calendar date
        #expect(Timestamp.recordingText(Date(timeIntervalSince1970: -0.0004)) == "1970-01-01T00:00:00.000Z")
    }
}
