import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import Testing
@testable import SuretyRecordings

@Suite struct RedactionTests {
    static let secret = "s3cr3t-Tok3n-7f9a"

    @Test("By default credential headers are redacted in requests and responses with a fingerprint, other headers kept")
    func defaultHeaders() {
        let request = Sample.termsList(headers: ["authorization": "Bearer \(Self.secret)", "Cookie": "a=\(Self.secret)",
                                                 "X-Api-Key": Self.secret, "Proxy-Authorization": Self.secret, "Accept": "application/json"])
        let response = HTTPResponse(headers: ["Set-Cookie": "id=\(Self.secret)", "Set-Cookie": "b=\(Self.secret)"], jsonText: "[]")
        let redacted = Redaction.default.redact(Sample.exchange(request, response))
        let print = "[redacted:" + Redaction.fingerprint(Self.secret) + "]"
        #expect(redacted.request.headers.map(\.value) == ["[redacted:" + Redaction.fingerprint("Bearer \(Self.secret)") + "]", "[redacted:" + Redaction.fingerprint("a=\(Self.secret)") + "]",
                                                          print, print, "application/json"])
        #expect(!redacted.request.headers.map(\.value).joined().contains(Self.secret))
        #expect(redacted.request.headers.map(\.name).first == "authorization")
        #expect(redacted.response.headers.values(for: "Set-Cookie") == ["id=", "b="].map { "[redacted:" + Redaction.fingerprint($0 + Self.secret) + "]" })
    }

    @Test("A secret in headers, query, bodies and violations reaches no byte of any file written")
    func noSecretOnDisk() async throws {
        try await withTemporaryDirectory { directory in
            var redaction = Redaction.default
            try redaction.add("header:X-Session")
            try redaction.add("query:offset")
            try redaction.add("body:/credentials/*/secret")
            try redaction.add("body:/token")
            let store = try RecordingStore(directory: directory, redaction: redaction)
            // offset must be an integer: the violation's `actual` would quote the secret.
            let listing = Sample.termsList("offset=\(Self.secret)&count=1", headers: ["Authorization": "Bearer \(Self.secret)", "X-Session": Self.secret])
            try store.write(Sample.exchange(listing, HTTPResponse(headers: ["Set-Cookie": Self.secret], jsonText: #"{"token":"\#(Self.secret)"}"#)))
            let body = #"{"credentials":[{"secret":"\#(Self.secret)","user":"ann"},{"secret":"\#(Self.secret)"}]}"#
            try store.write(Sample.exchange(Sample.addElements(body)))
            // A pretty-printed body is stored as text; it is still redacted as JSON.
            try store.write(Sample.exchange(Sample.addElements("{\n  \"token\": \"\(Self.secret)\"\n}")))
            let files = filesUnder(directory)
            #expect(files.count == 3)
            for file in files {
                let content = bytes(of: directory + "/" + file)
                let leaked = content.containsSubsequence(Array(Self.secret.utf8))
                let marked = content.containsSubsequence(Array("[redacted".utf8))
                #expect(!leaked, "secret in \(file)")
                #expect(marked)
            }
            let read = try RecordingStore.read(directory: directory)
            #expect(read.exchanges[0].exchange.violations.contains { $0.part == .query && $0.actual == "[redacted]" })
            #expect(read.exchanges[1].exchange.request.body.jsonValue?["credentials"]?[0]?["user"] == "ann")
        }
    }

    @Test("Redaction rules parse from their command-line form and malformed ones are refused")
    func specs() throws {
        var redaction = Redaction.none
        try redaction.add("header:X-Token")
        try redaction.add("query:api_key")
        try redaction.add("body:/a/*/b")
        #expect(redaction == Redaction(headers: ["X-Token"], queryParameters: ["api_key"], bodyPointers: [PointerPattern(parsing: "/a/*/b")!], policy: .none))
        for bad in ["X-Token", "cookie:a", "header:", "body:a/b", "body:"] {
            #expect(throws: Redaction.SpecError.malformed(bad)) { try redaction.add(bad) }
        }
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs anywhere in the bytes.
    func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, count >= needle.count else { return needle.isEmpty }
        return (0...(count - needle.count)).contains { start in self[start..<(start + needle.count)].elementsEqual(needle) }
    }
}
