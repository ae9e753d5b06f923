/// Writes responses as HTTP/1.1 bytes, owning the framing fields so that responders cannot get them wrong.
///
/// The serializer writes `Content-Length` from the body (none for 1xx, 204 and 304), drops the body
/// for HEAD, writes `Connection: close` when the connection will close and `Connection: keep-alive`
/// for persistent HTTP/1.0 clients. Any `Content-Length`, `Transfer-Encoding`, `Connection` or
/// `Keep-Alive` set by a responder is ignored. A `Date` field is written only when a date string is
/// given, so output is deterministic by default.
public struct HTTPResponseSerializer: Sendable {
    /// What the serializer needs to know about the request and the connection.
    public struct Context: Sendable, Hashable {
        /// The method of the request being answered; HEAD responses carry no body.
        public var requestMethod: HTTPMethod
        /// The version of the request being answered; persistent HTTP/1.0 connections get `Connection: keep-alive`.
        public var requestVersion: HTTPVersion
        /// Whether the server closes the connection after this response.
        public var closesConnection: Bool
        /// An IMF-fixdate for the `Date` field (see ``HTTPDate``), or `nil` for none.
        public var date: String?

        /// Creates a context; the defaults describe a persistent HTTP/1.1 GET without a Date field.
        public init(
            requestMethod: HTTPMethod = .get,
            requestVersion: HTTPVersion = .http1_1,
            closesConnection: Bool = false,
            date: String? = nil
        ) {
            self.requestMethod = requestMethod
            self.requestVersion = requestVersion
            self.closesConnection = closesConnection
            self.date = date
        }
    }

    /// The complete interim response sent before reading a body the client is waiting to send (RFC 9110 §15.2.1).
    public static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Creates a serializer.
    public init() {}

    /// Returns the complete response bytes.
    public func serialize(_ response: HTTPResponse, context: Context = Context()) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128 + response.body.count)
        write(response, context: context, into: &bytes)
        return bytes
    }

    /// Appends the complete response bytes to `buffer`.
    public func write(_ response: HTTPResponse, context: Context, into buffer: inout [UInt8]) {
        if writeHead(response, context: context, into: &buffer) {
            buffer.append(contentsOf: response.body)
        }
    }

    /// Appends the status line and header section to `buffer`; returns whether `response.body` must follow.
    ///
    /// A transport can send a large body from its own storage after the head instead of copying it.
    @discardableResult
    public func writeHead(_ response: HTTPResponse, context: Context, into buffer: inout [UInt8]) -> Bool {
        let status = response.status
        let code = (100...999).contains(status.code) ? status.code : 500
        buffer.append(contentsOf: Self.statusLineStart)  // RFC 9112 §2.3: answer with our highest 1.x version
        Self.appendDecimal(code, to: &buffer)  // RFC 9112 §4: status-code = 3DIGIT
        buffer.append(HTTPGrammar.space)
        Self.appendSanitized(status.reasonPhrase, to: &buffer)  // RFC 9112 §4: reason-phrase has no CR or LF
        buffer.append(contentsOf: Self.crlf)

        var declaredLength: String?
        for field in response.headers {
            if Self.isFramingField(field.name) {
                if field.hasName("Content-Length") { declaredLength = field.value }
                continue
            }
            guard Self.appendToken(field.name, to: &buffer) else { continue }  // RFC 9110 §5.1
            buffer.append(contentsOf: Self.colonSpace)
            Self.appendSanitized(field.value, to: &buffer)  // RFC 9110 §5.5: never emit CR, LF or NUL
            buffer.append(contentsOf: Self.crlf)
        }
        if let date = context.date, !response.headers.contains("Date") {
            buffer.append(contentsOf: Self.dateName)  // RFC 9110 §6.6.1
            Self.appendSanitized(date, to: &buffer)
            buffer.append(contentsOf: Self.crlf)
        }
        let isHead = context.requestMethod == .head
        if !status.forbidsContent {  // RFC 9110 §8.6: no Content-Length in 1xx or 204; omitted for 304 as well
            buffer.append(contentsOf: Self.contentLengthName)
            if isHead, response.body.isEmpty, let declaredLength,
               let length = HTTPRequestParser.parseContentLength(declaredLength), length != Int.max {
                Self.appendDecimal(length, to: &buffer)  // RFC 9110 §9.3.2: HEAD may announce the GET length
            } else {
                Self.appendDecimal(response.body.count, to: &buffer)  // RFC 9112 §6.2
            }
            buffer.append(contentsOf: Self.crlf)
        }
        if context.closesConnection {
            buffer.append(contentsOf: "Connection: close\r\n".utf8)  // RFC 9112 §9.6: signal the close
        } else if context.requestVersion < .http1_1 {
            buffer.append(contentsOf: "Connection: keep-alive\r\n".utf8)  // RFC 9112 Appendix C.2.2: 1.0 keep-alive
        }
        buffer.append(contentsOf: Self.crlf)
        return !isHead && !status.forbidsContent && !response.body.isEmpty  // RFC 9110 §9.3.2: no content for HEAD
    }

    private static let crlf: [UInt8] = [HTTPGrammar.cr, HTTPGrammar.lf]
    private static let statusLineStart = Array("HTTP/1.1 ".utf8)
    private static let dateName = Array("Date: ".utf8)
    private static let contentLengthName = Array("Content-Length: ".utf8)
    private static let colonSpace: [UInt8] = [HTTPGrammar.colon, HTTPGrammar.space]

    /// Whether the serializer owns this field: framing and hop-by-hop connection fields (RFC 9110 §7.6.1).
    private static func isFramingField(_ name: String) -> Bool {
        HTTPFields.namesEqual(name, "Content-Length") || HTTPFields.namesEqual(name, "Transfer-Encoding")
            || HTTPFields.namesEqual(name, "Connection") || HTTPFields.namesEqual(name, "Keep-Alive")
    }

    /// Appends `text`, replacing CR, LF, NUL and other control characters (except HTAB) with SP.
    private static func appendSanitized(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in  // contiguous bytes: a header is written without per-byte index checks
            if bytes.allSatisfy(HTTPGrammar.isFieldValueChar) {
                buffer.append(contentsOf: bytes)
            } else {
                for byte in bytes { buffer.append(HTTPGrammar.isFieldValueChar(byte) ? byte : HTTPGrammar.space) }
            }
        }
    }

    /// Appends a field name when it is a token (RFC 9110 §5.1); returns false, appending nothing, when it is not.
    private static func appendToken(_ name: String, to buffer: inout [UInt8]) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard !bytes.isEmpty, bytes.allSatisfy(HTTPGrammar.isTokenChar) else { return false }
            buffer.append(contentsOf: bytes)
            return true
        }
    }

    /// Appends a non-negative integer in decimal without allocating a string.
    static func appendDecimal(_ value: Int, to buffer: inout [UInt8]) {
        guard value > 0 else {
            buffer.append(UInt8(ascii: "0"))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { raw in
            while remaining > 0 {
                raw[19 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            buffer.append(contentsOf: raw[(20 - count)...])
        }
    }
}
