import Foundation
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyJSON
import Testing
@testable import SuretyRecordings

/// A JSON body is JSON whatever its whitespace, and is still sent again byte for byte.
@Suite struct JSONBodyTests {
    /// The same document four ways: compact, pretty (two spaces), Python's `json.dumps` default, and with a trailing newline.
    static let compact = #"{"a":1,"b":[true,null],"c":{"d":"x"}}"#
    static let pretty = "{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null\n  ],\n  \"c\": {\n    \"d\": \"x\"\n  }\n}"
    static let python = #"{"a": 1, "b": [true, null], "c": {"d": "x"}}"#
    static let newline = compact + "\n"

    @Test func everyWhitespaceOfAJSONDocumentIsJSONAndKeepsItsBytes() throws {
        let value = try #require(RecordedBody(bytes: Array(Self.compact.utf8)).jsonValue)
        for text in [Self.pretty, Self.python, Self.newline, Self.compact] {
            let body = RecordedBody(bytes: Array(text.utf8))
            #expect(body.jsonValue == value, "\(text)")
            #expect(body.bytes == Array(text.utf8), "\(text)")
        }
    }

    @Test func aPrettyBodyIsWrittenAsJSONWithItsTextAndReadsBackByteForByte() throws {
        let exchange = Exchange(request: RecordedRequest(method: .post, path: "/x", body: RecordedBody(bytes: Array(Self.python.utf8))),
                                response: RecordedResponse(status: 200, body: RecordedBody(bytes: Array(Self.pretty.utf8))))
        let file = String(decoding: exchange.fileBytes, as: UTF8.self)
        #expect(file.contains(#""json": {"#))
        let read = try Exchange(fileBytes: exchange.fileBytes, file: "x.json")
        #expect(read.response.body.bytes == Array(Self.pretty.utf8))
        #expect(read.request.body.bytes == Array(Self.python.utf8))
        #expect(read.response.body.jsonValue != nil && read.request.body.jsonValue != nil)
    }

    @Test func anOldRecordingKeepingJSONAsTextReadsAsJSON() throws {
        let exchange = Exchange(request: RecordedRequest(method: .get, path: "/x"), response: RecordedResponse(status: 200, body: .text(Self.pretty)))
        let read = try Exchange(fileBytes: exchange.fileBytes, file: "x.json")
        #expect(read.response.body.jsonValue != nil)
        #expect(read.response.body.bytes == Array(Self.pretty.utf8))
    }

    @Test func aJSONValueEditedByHandWinsOverTheTextItWasReceivedAs() throws {
        let exchange = Exchange(request: RecordedRequest(method: .get, path: "/x"),
                                response: RecordedResponse(status: 200, body: RecordedBody(bytes: Array(Self.pretty.utf8))))
        let edited = String(decoding: exchange.fileBytes, as: UTF8.self).replacingOccurrences(of: #""d": "x""#, with: #""d": "y""#)
        let read = try Exchange(fileBytes: Array(edited.utf8), file: "x.json")
        #expect(read.response.body.jsonValue?["c"]?["d"] == .string("y"))
        #expect(String(decoding: read.response.body.bytes, as: UTF8.self).contains(#""d":"y""#))
    }

    @Test func theRecorderInFrontOfAPrettyBackendStoresJSONAndReplaysTheSameBytes() async throws {
        try await withTemporaryDirectory { directory in
            let backend = HTTPServer(host: "127.0.0.1", port: 0, eventLoopCount: 1, responder: PrettyBackend())
            let port = try backend.start()
            let client = UpstreamClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!, timeout: .seconds(10))
            let recorder = RecordingResponder(upstream: client, checker: TestContract.checker, store: try RecordingStore(directory: directory))
            let live = await recorder.respond(to: Sample.termsList())
            await backend.stop(gracePeriod: .seconds(1))
            #expect(live.body == Array(Self.pretty.utf8))
            let file = try #require(filesUnder(directory).first)
            let text = String(decoding: bytes(of: directory + "/" + file), as: UTF8.self)
            #expect(text.contains(#""json": {"#) && text.contains(#""a": 1"#))
            let (replay, _) = try ReplayResponder.load(directory: directory, checker: TestContract.checker)
            #expect(await replay.respond(to: Sample.termsList()).body == Array(Self.pretty.utf8))
        }
    }
}

/// A backend that answers every request with a pretty-printed JSON document and a charset parameter.
struct PrettyBackend: SynchronousResponder {
    func respondSynchronously(to request: HTTPRequest) -> HTTPResponse {
        HTTPResponse(status: 200, headers: ["Content-Type": "application/json; charset=utf-8"], body: Array(JSONBodyTests.pretty.utf8))
    }
}
