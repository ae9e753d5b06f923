extension HTTPResponse {
    /// A response in the project's one error shape: `{"title":…,"status":N,"violations":[]}` as `application/json`.
    ///
    /// The bytes are built by hand because this module knows no JSON library; `title` is escaped
    /// as a JSON string (RFC 8259 §7) so any text is safe to pass.
    public static func problem(status: HTTPStatus, title: String) -> HTTPResponse {
        var body: [UInt8] = []
        body.reserveCapacity(title.utf8.count + 48)
        body.append(contentsOf: #"{"title":""#.utf8)
        appendJSONEscaped(title, to: &body)
        body.append(contentsOf: #"","status":"#.utf8)
        body.append(contentsOf: String(status.code).utf8)
        body.append(contentsOf: #","violations":[]}"#.utf8)
        return HTTPResponse(status: status, contentType: "application/json", body: body)
    }

    /// The error response the server sends for a request it could not parse.
    public init(parseError: HTTPParseError) {
        self = .problem(status: parseError.status, title: parseError.title)
    }

    /// Appends `text` as the inside of a JSON string, escaping quotes, backslashes and control characters (RFC 8259 §7).
    static func appendJSONEscaped(_ text: String, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): bytes.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
            case 0x00..<0x20:
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default:
                bytes.append(byte)
            }
        }
    }
}
