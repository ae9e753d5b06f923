extension HTTPRequestParser {
    /// The result of looking for the end of the current line.
    enum LineScan {
        /// A line: content `start..<end` without its CRLF; `length` includes the line ending.
        case complete(start: Int, end: Int, length: Int)
        /// No LF yet; `pending` bytes of the line are buffered, the last of them a CR if `endsWithCR`.
        case incomplete(pending: Int, endsWithCR: Bool)
    }

    /// Finds the next line, resuming the LF search where the previous call stopped so each byte is scanned once.
    ///
    /// A line ends at LF; a CR right before it is part of the line ending (RFC 9112 §2.2 allows a bare LF).
    mutating func scanLine() -> LineScan {
        let from = scanIndex
        let lineFeed = buffer.withUnsafeBufferPointer { bytes -> Int? in
            var index = from
            while index < bytes.count {
                if bytes[index] == HTTPGrammar.lf { return index }
                index &+= 1
            }
            return nil
        }
        guard let lineFeed else {
            scanIndex = buffer.count
            let pending = buffer.count - readIndex
            return .incomplete(pending: pending, endsWithCR: pending > 0 && buffer[buffer.count - 1] == HTTPGrammar.cr)
        }
        let start = readIndex
        let end = lineFeed > start && buffer[lineFeed - 1] == HTTPGrammar.cr ? lineFeed - 1 : lineFeed
        readIndex = lineFeed + 1
        scanIndex = readIndex
        return .complete(start: start, end: end, length: lineFeed + 1 - start)
    }

    /// Runs `body` over the buffered bytes `start..<end` without copying them.
    func withBytes<R>(_ start: Int, _ end: Int, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> R) -> R {
        buffer.withUnsafeBufferPointer { body($0[start..<end]) }
    }

    /// Counts a header or trailer line against the limits, validates it and stores it.
    mutating func addField(_ start: Int, _ end: Int, length: Int) -> HTTPParseError? {
        message.fieldBytes += length
        if message.fieldBytes > limits.maxHeaderBytes { return .headersTooLarge(limit: limits.maxHeaderBytes) }  // RFC 6585 §5
        message.fieldCount += 1
        if message.fieldCount > limits.maxHeaderCount { return .tooManyHeaders(limit: limits.maxHeaderCount) }  // RFC 6585 §5
        let number = message.fieldCount
        switch withBytes(start, end, { Self.parseField($0, number: number) }) {
        case .success(let field):
            if state == .trailers {
                message.trailers.append(field)
            } else {
                message.headers.append(field)
            }
            return nil
        case .failure(let error):
            return error
        }
    }

    /// Parses `field-name ":" OWS field-value OWS` (RFC 9112 §5).
    static func parseField(_ line: Slice<UnsafeBufferPointer<UInt8>>, number: Int) -> Result<HTTPField, HTTPParseError> {
        if HTTPGrammar.isWhitespace(line[line.startIndex]) {
            return .failure(.obsoleteLineFolding(line: number))  // RFC 9112 §5.2 obs-fold, §2.2 whitespace after the start line: reject
        }
        guard let colon = line.firstIndex(of: HTTPGrammar.colon), colon > line.startIndex else {
            return .failure(.invalidHeaderName(line: number))  // RFC 9112 §5: a field line needs a name and a colon
        }
        if HTTPGrammar.isWhitespace(line[colon - 1]) {
            return .failure(.whitespaceBeforeColon(line: number))  // RFC 9112 §5.1: MUST reject with 400
        }
        let name = line[line.startIndex..<colon]
        guard name.allSatisfy(HTTPGrammar.isTokenChar) else {
            return .failure(.invalidHeaderName(line: number))  // RFC 9110 §5.1: field-name = token
        }
        var valueStart = colon + 1
        var valueEnd = line.endIndex
        while valueStart < valueEnd && HTTPGrammar.isWhitespace(line[valueStart]) { valueStart += 1 }  // RFC 9112 §5.1: leading OWS
        while valueEnd > valueStart && HTTPGrammar.isWhitespace(line[valueEnd - 1]) { valueEnd -= 1 }  // RFC 9112 §5.1: trailing OWS
        let value = line[valueStart..<valueEnd]
        guard value.allSatisfy(HTTPGrammar.isFieldValueChar) else {
            return .failure(.invalidHeaderValue(line: number))  // RFC 9110 §5.5: CR, LF, NUL and other CTLs are invalid
        }
        return .success(HTTPField(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self)))
    }
}
