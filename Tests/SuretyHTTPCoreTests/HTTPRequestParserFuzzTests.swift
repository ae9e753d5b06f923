import Testing
import SuretyHTTPCore

@Suite struct HTTPRequestParserFuzzTests {
    private static let seeds: [String] = [
        "GET /a?b=c HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody",
        "PUT / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;e=1\r\nabc\r\n0\r\nT: v\r\n\r\n",
        "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok",
    ]

    private static let smallLimits = HTTPLimits(
        maxRequestLineBytes: 64, maxHeaderBytes: 128, maxHeaderCount: 6, maxBodyBytes: 64, maxChunkLineBytes: 16
    )

    /// Events with the interim-response signal dropped: whether it appears depends on chunking by design.
    private func finalEvents(_ events: [HTTPRequestParser.Event]) -> [HTTPRequestParser.Event] {
        events.filter { $0 != .continueExpected }
    }

    @Test func randomBytesNeverCrashAndNothingFollowsAClosingFailure() {
        var generator = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<1500 {
            let length = Int.random(in: 0...300, using: &generator)
            let alphabet = Array("GET /HTP1.0\r\n:; \tchunkedContent-LengthTransfer-Encoding0123456789aF\u{0}\u{7F}\u{FF}".utf8)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &generator) ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            let events = eventsChunked(bytes, limits: Self.smallLimits, using: &generator)
            if let closing = events.firstIndex(where: { if case .failure(_, true) = $0 { true } else { false } }) {
                #expect(closing == events.count - 1)
            }
            for case .request(let request) in events {
                #expect(request.body.count <= Self.smallLimits.maxBodyBytes)
            }
        }
    }

    @Test func mutatedRequestsParseTheSameWhateverTheChunking() {
        var generator = SplitMix64(seed: 0x5EED_0002)
        for _ in 0..<1500 {
            var bytes = Array(Self.seeds.randomElement(using: &generator)!.utf8)
                + Array(Self.seeds.randomElement(using: &generator)!.utf8)
            for _ in 0..<Int.random(in: 0...4, using: &generator) where !bytes.isEmpty {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: position)
                default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
                }
            }
            var whole = HTTPRequestParser(limits: Self.smallLimits)
            let reference = finalEvents(whole.feed(bytes))
            #expect(finalEvents(eventsChunked(bytes, limits: Self.smallLimits, using: &generator)) == reference)
            #expect(finalEvents(eventsBytewise(bytes, limits: Self.smallLimits)) == reference)
        }
    }
}
