extension HTTPStatus {
    /// `100 Continue` (RFC 9110 §15.2.1).
    public static let `continue` = HTTPStatus(code: 100)
    /// `200 OK` (RFC 9110 §15.3.1).
    public static let ok = HTTPStatus(code: 200)
    /// `201 Created` (RFC 9110 §15.3.2).
    public static let created = HTTPStatus(code: 201)
    /// `202 Accepted` (RFC 9110 §15.3.3).
    public static let accepted = HTTPStatus(code: 202)
    /// `204 No Content` (RFC 9110 §15.3.5).
    public static let noContent = HTTPStatus(code: 204)
    /// `301 Moved Permanently` (RFC 9110 §15.4.2).
    public static let movedPermanently = HTTPStatus(code: 301)
    /// `302 Found` (RFC 9110 §15.4.3).
    public static let found = HTTPStatus(code: 302)
    /// `304 Not Modified` (RFC 9110 §15.4.5).
    public static let notModified = HTTPStatus(code: 304)
    /// `400 Bad Request` (RFC 9110 §15.5.1).
    public static let badRequest = HTTPStatus(code: 400)
    /// `401 Unauthorized` (RFC 9110 §15.5.2).
    public static let unauthorized = HTTPStatus(code: 401)
    /// `403 Forbidden` (RFC 9110 §15.5.4).
    public static let forbidden = HTTPStatus(code: 403)
    /// `404 Not Found` (RFC 9110 §15.5.5).
    public static let notFound = HTTPStatus(code: 404)
    /// `405 Method Not Allowed` (RFC 9110 §15.5.6).
    public static let methodNotAllowed = HTTPStatus(code: 405)
    /// `408 Request Timeout` (RFC 9110 §15.5.9).
    public static let requestTimeout = HTTPStatus(code: 408)
    /// `409 Conflict` (RFC 9110 §15.5.10).
    public static let conflict = HTTPStatus(code: 409)
    /// `413 Content Too Large` (RFC 9110 §15.5.14).
    public static let contentTooLarge = HTTPStatus(code: 413)
    /// `414 URI Too Long` (RFC 9110 §15.5.15).
    public static let uriTooLong = HTTPStatus(code: 414)
    /// `415 Unsupported Media Type` (RFC 9110 §15.5.16).
    public static let unsupportedMediaType = HTTPStatus(code: 415)
    /// `417 Expectation Failed` (RFC 9110 §15.5.18).
    public static let expectationFailed = HTTPStatus(code: 417)
    /// `422 Unprocessable Content` (RFC 9110 §15.5.21).
    public static let unprocessableContent = HTTPStatus(code: 422)
    /// `429 Too Many Requests` (RFC 6585 §4).
    public static let tooManyRequests = HTTPStatus(code: 429)
    /// `431 Request Header Fields Too Large` (RFC 6585 §5).
    public static let requestHeaderFieldsTooLarge = HTTPStatus(code: 431)
    /// `500 Internal Server Error` (RFC 9110 §15.6.1).
    public static let internalServerError = HTTPStatus(code: 500)
    /// `501 Not Implemented` (RFC 9110 §15.6.2).
    public static let notImplemented = HTTPStatus(code: 501)
    /// `502 Bad Gateway` (RFC 9110 §15.6.3).
    public static let badGateway = HTTPStatus(code: 502)
    /// `503 Service Unavailable` (RFC 9110 §15.6.4).
    public static let serviceUnavailable = HTTPStatus(code: 503)
    /// `504 Gateway Timeout` (RFC 9110 §15.6.5).
    public static let gatewayTimeout = HTTPStatus(code: 504)
    /// `505 HTTP Version Not Supported` (RFC 9110 §15.6.6).
    public static let httpVersionNotSupported = HTTPStatus(code: 505)
    /// `507 Insufficient Storage` (RFC 4918 §11.5).
    public static let insufficientStorage = HTTPStatus(code: 507)

    /// The registered reason phrase for `code`, or a class-generic one for unregistered codes.
    public static func registeredReasonPhrase(for code: Int) -> String {
        if let phrase = reasonPhrases[code] { return phrase }
        switch code {
        case 100...199: return "Informational"
        case 200...299: return "Success"
        case 300...399: return "Redirection"
        case 400...499: return "Client Error"
        default: return "Server Error"
        }
    }

    /// The IANA HTTP status code registry's reason phrases (RFC 9110 §15, RFC 6585, RFC 8297).
    private static let reasonPhrases: [Int: String] = [
        100: "Continue", 101: "Switching Protocols", 102: "Processing", 103: "Early Hints",
        200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information",
        204: "No Content", 205: "Reset Content", 206: "Partial Content", 207: "Multi-Status",
        208: "Already Reported", 226: "IM Used",
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other",
        304: "Not Modified", 305: "Use Proxy", 307: "Temporary Redirect", 308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden",
        404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
        407: "Proxy Authentication Required", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
        411: "Length Required", 412: "Precondition Failed", 413: "Content Too Large",
        414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable",
        417: "Expectation Failed", 421: "Misdirected Request", 422: "Unprocessable Content",
        423: "Locked", 424: "Failed Dependency", 425: "Too Early", 426: "Upgrade Required",
        428: "Precondition Required", 429: "Too Many Requests",
        431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
        503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported",
        506: "Variant Also Negotiates", 507: "Insufficient Storage", 508: "Loop Detected",
        511: "Network Authentication Required",
    ]
}
