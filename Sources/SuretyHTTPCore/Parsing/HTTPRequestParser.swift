/// An incremental, sans-I/O HTTP/1.1 request parser (RFC 9112).
///
/// Feed it byte chunks of any size with ``append(_:)`` (one byte at a time works) and pull
/// ``Event``s with ``next()`` until it returns `nil`: complete requests come out in order, so
/// pipelined requests need nothing special. It never reads a socket or a clock; the transport
/// owns timeouts and asks ``phase`` which one applies.
public struct HTTPRequestParser: Sendable {
    /// What the parser produced from the bytes fed so far.
    public enum Event: Sendable, Hashable {
        /// A complete request, body included.
        case request(HTTPRequest)
        /// The client sent `Expect: 100-continue` and no body yet: send `100 Continue` now (RFC 9110 §10.1.1).
        case continueExpected
        /// The request is refused; answer `error.status`, then close the connection if `closesConnection`.
        case failure(HTTPParseError, closesConnection: Bool)
    }

    /// Where the parser is within a message, so the transport can pick the timeout that applies.
    public enum Phase: Sendable, Hashable {
        /// Between messages, with nothing buffered.
        case idle
        /// Reading a request line or header fields.
        case head
        /// Reading a body or trailers.
        case body
        /// A framing error occurred; the parser ignores further input.
        case failed
    }

    enum State: Sendable, Hashable {
        case requestLine
        case headers
        case fixedBody(remaining: Int)
        case chunkHeader
        case chunkData(remaining: Int)
        case chunkEnd
        case trailers
        case failed
    }

    /// The parts of the message being parsed.
    struct PartialMessage: Sendable {
        var method = HTTPMethod.get
        var target = ""
        var version = HTTPVersion.http1_1
        var headers = HTTPFields()
        var trailers = HTTPFields()
        var body: [UInt8] = []
        var fieldBytes = 0
        var fieldCount = 0
        var deferredError: HTTPParseError?
        var expectsContinue = false
        var continueHandled = false
    }

    /// The bounds this parser enforces.
    public let limits: HTTPLimits
    var buffer: [UInt8] = []
    var readIndex = 0
    var scanIndex = 0
    var state = State.requestLine
    var message = PartialMessage()

    /// Creates a parser enforcing `limits`.
    public init(limits: HTTPLimits = .default) {
        self.limits = limits
    }

    /// Where the parser is within a message.
    public var phase: Phase {
        switch state {
        case .failed: .failed
        case .requestLine: readIndex == buffer.count ? .idle : .head
        case .headers: .head
        case .fixedBody, .chunkHeader, .chunkData, .chunkEnd, .trailers: .body
        }
    }

    /// The number of bytes received but not yet consumed by a complete event.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// Appends received bytes; call ``next()`` afterwards to collect events.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard state != .failed, !bytes.isEmpty else { return }
        compact()
        buffer.append(contentsOf: UnsafeBufferPointer(start: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count: bytes.count))
    }

    /// Appends received bytes; call ``next()`` afterwards to collect events.
    public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        guard state != .failed else { return }
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Appends `bytes` and returns every event they complete, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Event] {
        append(contentsOf: bytes)
        var events: [Event] = []
        while let event = next() { events.append(event) }
        return events
    }

    /// The next event the buffered bytes complete, or `nil` when more bytes are needed (or after a closing failure).
    public mutating func next() -> Event? {
        while true {
            switch state {
            case .failed:
                return nil
            case .requestLine:
                switch scanLine() {
                case .incomplete(let pending, let endsWithCR):
                    if pending - (endsWithCR ? 1 : 0) > limits.maxRequestLineBytes {
                        return fail(.requestLineTooLong(limit: limits.maxRequestLineBytes))  // RFC 9112 §3: 414 for a long request line
                    }
                    return nil
                case .complete(let start, let end, _):
                    if start == end { continue }  // RFC 9112 §2.2: ignore empty lines before the request line
                    if end - start > limits.maxRequestLineBytes {
                        return fail(.requestLineTooLong(limit: limits.maxRequestLineBytes))  // RFC 9112 §3
                    }
                    if let error = parseRequestLine(start, end) { return fail(error) }
                    state = .headers
                }
            case .headers, .trailers:
                switch scanLine() {
                case .incomplete(let pending, let endsWithCR):
                    let mayBeEmptyLine = pending == 0 || (pending == 1 && endsWithCR)
                    if !mayBeEmptyLine && message.fieldBytes + pending + 1 > limits.maxHeaderBytes {
                        return fail(.headersTooLarge(limit: limits.maxHeaderBytes))  // RFC 6585 §5
                    }
                    return nil
                case .complete(let start, let end, let length):
                    if start == end {
                        if state == .trailers { return completeMessage() }  // RFC 9112 §7.1.2: trailers end with an empty line
                        if let event = finishHead() { return event }
                        continue
                    }
                    if let error = addField(start, end, length: length) { return fail(error) }
                }
            case .fixedBody(let remaining):
                if let event = continueIfExpected() { return event }
                guard buffer.count - readIndex >= remaining else { return nil }
                message.body = Array(buffer[readIndex..<(readIndex + remaining)])  // RFC 9112 §6.2: exactly Content-Length bytes
                readIndex += remaining
                scanIndex = readIndex
                return completeMessage()
            case .chunkHeader:
                if let event = continueIfExpected() { return event }
                if let event = parseChunkHeader() { return event }
                if state == .chunkHeader { return nil }
            case .chunkData(let remaining):
                if let event = consumeChunkData(remaining: remaining) { return event }
                if case .chunkData = state { return nil }
            case .chunkEnd:
                if let event = consumeChunkEnd() { return event }
                if state == .chunkEnd { return nil }
            }
        }
    }

    /// Emits ``Event/continueExpected`` once per message, only while none of the body has arrived (RFC 9110 §10.1.1).
    mutating func continueIfExpected() -> Event? {
        guard message.expectsContinue, !message.continueHandled else { return nil }
        message.continueHandled = true
        return readIndex == buffer.count ? .continueExpected : nil  // RFC 9110 §10.1.1: MAY omit 100 once content arrived
    }

    /// Ends the current message, producing its request or its deferred error.
    mutating func completeMessage() -> Event {
        let parts = message
        message = PartialMessage()
        state = .requestLine
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
            readIndex = 0
            scanIndex = 0
        }
        let request = HTTPRequest(
            method: parts.method, target: parts.target, version: parts.version,
            headers: parts.headers, body: parts.body, trailers: parts.trailers
        )
        guard let error = parts.deferredError else { return .request(request) }
        if !request.keepAlive {
            state = .failed
            buffer = []
            readIndex = 0
            scanIndex = 0
        }
        return .failure(error, closesConnection: !request.keepAlive)
    }

    /// Records an error after which framing is lost: the parser stops and the connection must close.
    mutating func fail(_ error: HTTPParseError) -> Event {
        state = .failed
        buffer = []
        readIndex = 0
        scanIndex = 0
        message = PartialMessage()
        return .failure(error, closesConnection: true)
    }

    /// Records an error that leaves framing intact; it is reported once the message's body has been read.
    mutating func deferError(_ error: HTTPParseError) {
        if message.deferredError == nil { message.deferredError = error }
    }

    /// Drops consumed bytes before more are appended, so the buffer does not grow without bound.
    mutating func compact() {
        if readIndex == buffer.count {
            if readIndex > 0 {
                buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
                readIndex = 0
                scanIndex = 0
            }
        } else if readIndex >= 4096 && readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
            scanIndex -= readIndex
            readIndex = 0
        }
    }
}
