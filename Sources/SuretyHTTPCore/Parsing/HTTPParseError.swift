/// Why a request could not be accepted, with the status the server answers and whether the connection must close.
///
/// Errors never carry the offending bytes (they are untrusted and unbounded); they carry the limit
/// or the field-line number so that a message can point at the problem.
public enum HTTPParseError: Error, Sendable, Hashable {
    /// The request line is longer than ``HTTPLimits/maxRequestLineBytes`` (→ 414).
    case requestLineTooLong(limit: Int)
    /// The request line is not `method SP request-target SP HTTP-version` (→ 400).
    case invalidRequestLine
    /// The method contains a character that is not a token character (→ 400).
    case invalidMethod
    /// The request-target has a forbidden character or a form that does not fit the method (→ 400, connection kept).
    case invalidTarget
    /// The version is not `HTTP/DIGIT.DIGIT` (→ 400).
    case invalidVersion
    /// The major version is not 1 (→ 505).
    case unsupportedVersion(HTTPVersion)
    /// The field section is larger than ``HTTPLimits/maxHeaderBytes`` (→ 431).
    case headersTooLarge(limit: Int)
    /// There are more field lines than ``HTTPLimits/maxHeaderCount`` (→ 431).
    case tooManyHeaders(limit: Int)
    /// Field line `line` (1-based, counting trailers after headers) has no colon or an empty or invalid name (→ 400).
    case invalidHeaderName(line: Int)
    /// Field line `line` has whitespace between its name and the colon (→ 400).
    case whitespaceBeforeColon(line: Int)
    /// Field line `line` has a control character (CR, LF, NUL, …) in its value (→ 400).
    case invalidHeaderValue(line: Int)
    /// Field line `line` starts with whitespace: obsolete line folding, or whitespace after the request line (→ 400).
    case obsoleteLineFolding(line: Int)
    /// An HTTP/1.1 request has no Host field (→ 400, connection kept).
    case missingHost
    /// A request has more than one Host field (→ 400, connection kept).
    case multipleHosts
    /// The Host value is not `uri-host [":" port]` (→ 400, connection kept).
    case invalidHost
    /// A Content-Length value is not a non-negative decimal integer (→ 400).
    case invalidContentLength
    /// Content-Length values disagree (→ 400).
    case conflictingContentLength
    /// Both Content-Length and Transfer-Encoding are present (→ 400).
    case contentLengthWithTransferEncoding
    /// An HTTP/1.0 request carries Transfer-Encoding (→ 400).
    case transferEncodingInHTTP10
    /// Transfer-Encoding does not end in `chunked`, or applies it twice (→ 400).
    case invalidTransferEncoding
    /// Transfer-Encoding names a coding other than `chunked`, which the server does not decode (→ 501).
    case unsupportedTransferEncoding
    /// A chunk-size is missing, not hexadecimal, or followed by something other than an extension (→ 400).
    case invalidChunkSize
    /// A chunk extension is not `;name[=token|quoted-string]` (→ 400).
    case invalidChunkExtension
    /// Chunk data is not followed by CRLF: the chunk is longer than its declared size (→ 400).
    case invalidChunkTerminator
    /// A chunk-size line is longer than ``HTTPLimits/maxChunkLineBytes`` (→ 400).
    case chunkLineTooLong(limit: Int)
    /// The body is larger than ``HTTPLimits/maxBodyBytes`` (→ 413).
    case bodyTooLarge(limit: Int)
    /// `Expect` holds something other than `100-continue` (→ 417, connection kept).
    case unsupportedExpectation

    /// The status the server answers with.
    public var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: .uriTooLong
        case .headersTooLarge, .tooManyHeaders: .requestHeaderFieldsTooLarge
        case .bodyTooLarge: .contentTooLarge
        case .unsupportedTransferEncoding: .notImplemented
        case .unsupportedVersion: .httpVersionNotSupported
        case .unsupportedExpectation: .expectationFailed
        case .invalidRequestLine, .invalidMethod, .invalidTarget, .invalidVersion, .invalidHeaderName,
             .whitespaceBeforeColon, .invalidHeaderValue, .obsoleteLineFolding, .missingHost, .multipleHosts, .invalidHost,
             .invalidContentLength, .conflictingContentLength, .contentLengthWithTransferEncoding,
             .transferEncodingInHTTP10, .invalidTransferEncoding, .invalidChunkSize, .invalidChunkExtension,
             .invalidChunkTerminator, .chunkLineTooLong:
            .badRequest
        }
    }

    /// Whether message framing is lost, so the server must close the connection after answering.
    ///
    /// Only errors found after the message's extent is known (a bad target, Host or Expect) keep the
    /// connection: the parser reads the body past them and continues with the next request.
    public var closesConnection: Bool {
        switch self {
        case .invalidTarget, .missingHost, .multipleHosts, .invalidHost, .unsupportedExpectation: false
        default: true
        }
    }

    /// A short human-readable description for the error body; never includes request bytes.
    public var title: String {
        switch self {
        case .requestLineTooLong(let limit): "Request line exceeds \(limit) bytes"
        case .invalidRequestLine: "Malformed request line"
        case .invalidMethod: "Invalid character in method"
        case .invalidTarget: "Invalid request target"
        case .invalidVersion: "Malformed HTTP version"
        case .unsupportedVersion(let version): "\(version) is not supported"
        case .headersTooLarge(let limit): "Header fields exceed \(limit) bytes"
        case .tooManyHeaders(let limit): "More than \(limit) header fields"
        case .invalidHeaderName(let line): "Invalid header field name on field line \(line)"
        case .whitespaceBeforeColon(let line): "Whitespace before colon on field line \(line)"
        case .invalidHeaderValue(let line): "Invalid character in header field value on field line \(line)"
        case .obsoleteLineFolding(let line): "Obsolete line folding on field line \(line)"
        case .missingHost: "Missing Host header field"
        case .multipleHosts: "More than one Host header field"
        case .invalidHost: "Invalid Host header field"
        case .invalidContentLength: "Invalid Content-Length"
        case .conflictingContentLength: "Conflicting Content-Length values"
        case .contentLengthWithTransferEncoding: "Both Content-Length and Transfer-Encoding present"
        case .transferEncodingInHTTP10: "Transfer-Encoding in an HTTP/1.0 request"
        case .invalidTransferEncoding: "Transfer-Encoding must end with a single chunked"
        case .unsupportedTransferEncoding: "Unsupported transfer coding"
        case .invalidChunkSize: "Invalid chunk size"
        case .invalidChunkExtension: "Invalid chunk extension"
        case .invalidChunkTerminator: "Chunk data not followed by CRLF"
        case .chunkLineTooLong(let limit): "Chunk size line exceeds \(limit) bytes"
        case .bodyTooLarge(let limit): "Body exceeds \(limit) bytes"
        case .unsupportedExpectation: "Unsupported expectation"
        }
    }
}
