import SuretyHTTPCore

/// Parses `text` (with `\n` line ends turned into CRLF when `crlf`) in one chunk.
func events(_ text: String, limits: HTTPLimits = .default) -> [HTTPRequestParser.Event] {
    var parser = HTTPRequestParser(limits: limits)
    return parser.feed(Array(text.utf8))
}

/// Parses `bytes` fed one byte at a time.
func eventsBytewise(_ bytes: [UInt8], limits: HTTPLimits = .default) -> [HTTPRequestParser.Event] {
    var parser = HTTPRequestParser(limits: limits)
    var events: [HTTPRequestParser.Event] = []
    for byte in bytes {
        events += parser.feed([byte])
    }
    return events
}

/// Parses `bytes` in chunks whose sizes come from `generator`.
func eventsChunked(_ bytes: [UInt8], limits: HTTPLimits = .default, using generator: inout SplitMix64) -> [HTTPRequestParser.Event] {
    var parser = HTTPRequestParser(limits: limits)
    var events: [HTTPRequestParser.Event] = []
    var index = 0
    while index < bytes.count {
        let size = Int.random(in: 1...max(1, min(64, bytes.count - index)), using: &generator)
        events += parser.feed(bytes[index..<(index + size)])
        index += size
    }
    return events
}

/// The only request among `events`, or `nil`.
func onlyRequest(_ events: [HTTPRequestParser.Event]) -> HTTPRequest? {
    guard events.count == 1, case .request(let request) = events[0] else { return nil }
    return request
}

/// The error of a single failure event, or `nil`.
func onlyFailure(_ events: [HTTPRequestParser.Event]) -> (error: HTTPParseError, closes: Bool)? {
    guard events.count == 1, case .failure(let error, let closes) = events[0] else { return nil }
    return (error, closes)
}

/// A small, fast, seedable generator (Steele, Lea & Flood's SplitMix64) so that fuzzing is reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
