extension HTTPRequestParser {
    /// Reads one `chunk-size [chunk-ext] CRLF` line (RFC 9112 §7.1); returns a failure or `nil` (state moves on when a line completed).
    mutating func parseChunkHeader() -> Event? {
        switch scanLine() {
        case .incomplete(let pending, let endsWithCR):
            if pending - (endsWithCR ? 1 : 0) > limits.maxChunkLineBytes {
                return fail(.chunkLineTooLong(limit: limits.maxChunkLineBytes))
            }
            return nil
        case .complete(let start, let end, _):
            if end - start > limits.maxChunkLineBytes { return fail(.chunkLineTooLong(limit: limits.maxChunkLineBytes)) }
            let budget = limits.maxBodyBytes - message.body.count
            let limit = limits.maxBodyBytes
            switch withBytes(start, end, { Self.parseChunkSize($0, budget: budget, limit: limit) }) {
            case .failure(let error):
                return fail(error)
            case .success(0):
                state = .trailers  // RFC 9112 §7.1: last-chunk, then the trailer section
            case .success(let size):
                state = .chunkData(remaining: size)
            }
            return nil
        }
    }

    /// Moves up to `remaining` bytes of chunk data into the body.
    mutating func consumeChunkData(remaining: Int) -> Event? {
        let available = buffer.count - readIndex
        let take = min(available, remaining)
        guard take > 0 else { return nil }
        message.body.append(contentsOf: buffer[readIndex..<(readIndex + take)])
        readIndex += take
        scanIndex = readIndex
        state = take == remaining ? .chunkEnd : .chunkData(remaining: remaining - take)
        return nil
    }

    /// Consumes the CRLF that must follow chunk data (RFC 9112 §7.1).
    mutating func consumeChunkEnd() -> Event? {
        let available = buffer.count - readIndex
        guard available > 0 else { return nil }
        switch buffer[readIndex] {
        case HTTPGrammar.lf:
            readIndex += 1  // RFC 9112 §2.2: a bare LF may end a line
        case HTTPGrammar.cr:
            guard available >= 2 else { return nil }
            guard buffer[readIndex + 1] == HTTPGrammar.lf else { return fail(.invalidChunkTerminator) }
            readIndex += 2
        default:
            return fail(.invalidChunkTerminator)  // RFC 9112 §7.1: chunk-data is exactly chunk-size octets, then CRLF
        }
        scanIndex = readIndex
        state = .chunkHeader
        return nil
    }

    /// Parses `chunk-size = 1*HEXDIG` and validates any extensions; refuses sizes beyond `budget` before they can overflow.
    static func parseChunkSize(
        _ line: Slice<UnsafeBufferPointer<UInt8>>, budget: Int, limit: Int
    ) -> Result<Int, HTTPParseError> {
        var size = 0
        var index = line.startIndex
        while index < line.endIndex, let digit = HTTPGrammar.hexValue(line[index]) {
            size = size &* 16 &+ digit
            if size > budget { return .failure(.bodyTooLarge(limit: limit)) }  // RFC 9112 §7.1: guard against integer overflow
            index += 1
        }
        guard index > line.startIndex else { return .failure(.invalidChunkSize) }  // RFC 9112 §7.1: chunk-size = 1*HEXDIG
        if let error = chunkExtensionError(line[index...]) { return .failure(error) }
        return .success(size)
    }

    /// Checks `*( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )` (RFC 9112 §7.1.1); extensions are then ignored.
    static func chunkExtensionError(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> HTTPParseError? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        func skipWhitespace() {
            while index < end && HTTPGrammar.isWhitespace(bytes[index]) { index += 1 }
        }
        func skipToken() -> Bool {
            let start = index
            while index < end && HTTPGrammar.isTokenChar(bytes[index]) { index += 1 }
            return index > start
        }
        var isFirst = true
        while true {
            skipWhitespace()
            if index == end { return nil }
            guard bytes[index] == HTTPGrammar.semicolon else {
                return isFirst ? .invalidChunkSize : .invalidChunkExtension  // e.g. "5 5" or "0x10"
            }
            isFirst = false
            index += 1
            skipWhitespace()
            guard skipToken() else { return .invalidChunkExtension }  // chunk-ext-name = token
            skipWhitespace()
            guard index < end, bytes[index] == HTTPGrammar.equals else { continue }
            index += 1
            skipWhitespace()
            if index < end && bytes[index] == HTTPGrammar.quote {
                guard skipQuotedString(bytes, &index) else { return .invalidChunkExtension }  // RFC 9110 §5.6.4
            } else {
                guard skipToken() else { return .invalidChunkExtension }  // chunk-ext-val = token / quoted-string
            }
        }
    }

    /// Skips `DQUOTE *( qdtext / quoted-pair ) DQUOTE` starting at the opening quote (RFC 9110 §5.6.4).
    static func skipQuotedString(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ index: inout Int) -> Bool {
        index += 1
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if byte == HTTPGrammar.quote { return true }
            if byte == HTTPGrammar.backslash {
                guard index < bytes.endIndex, HTTPGrammar.isFieldValueChar(bytes[index]) else { return false }
                index += 1
            } else if !HTTPGrammar.isFieldValueChar(byte) {
                return false
            }
        }
        return false
    }
}
