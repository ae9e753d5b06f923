import SuretyHTTPCore
import SuretyJSON

extension Stub {
    /// The members a stub document may have.
    static let documentKeys: Set<String> = ["method", "path", "query", "body", "response", "times", "delayMs", "allowInvalid"]
    /// The members of a stub's `response`.
    static let responseKeys: Set<String> = ["status", "headers", "body"]

    /// Reads one stub document (`POST /__surety/stubs`): `{"method", "path", "query"?, "body"?, "response":
    /// {"status"?, "headers"?, "body"?}, "times"?, "delayMs"?, "allowInvalid"?}`, throwing every problem it has.
    public init(bytes: [UInt8], file: String) throws(ReadError) {
        let read = StubFile(bytes: bytes, file: file, allowsArray: false)
        guard read.diagnostics.isEmpty, let entry = read.entries.first else { throw ReadError(diagnostics: read.diagnostics) }
        self = entry.stub
    }

    /// Reads the stub document at `node`, recording each of its problems in `reader` with its line, column and
    /// pointer; nil when it has any.
    public init?(node: Int, at pointer: JSONPointer, reader: inout LocatedReader) {
        let problemsBefore = reader.diagnostics.count
        guard let members = reader.object(node, pointer, allowed: Self.documentKeys) else { return nil }
        let document = reader.document
        var method = ""
        if let value = reader.member(members, "method", of: node, pointer, required: true),
           let text = reader.string(value, pointer.appending("method")) {
            if text.isEmpty { reader.error("expected a method such as \"GET\", found \"\"", at: value, pointer.appending("method")) }
            method = text
        }
        var path = ""
        if let value = reader.member(members, "path", of: node, pointer, required: true),
           let text = reader.string(value, pointer.appending("path")) {
            if !text.hasPrefix("/") {
                reader.error("expected a path pattern starting with /, found \"\(Self.bounded(text))\"", at: value, pointer.appending("path"))
            }
            path = text
        }
        let response = Self.readResponse(members, of: node, pointer, &reader)
        let times = reader.member(members, "times", of: node, pointer, required: false).flatMap { value in
            Self.integer(value, pointer.appending("times"), in: 1...Int.max, expected: "a whole number of at least 1", &reader)
        }
        let delayRange = 0...Int(Self.maxDelay.components.seconds * 1_000)
        let delay = reader.member(members, "delayMs", of: node, pointer, required: false).flatMap { value in
            Self.integer(value, pointer.appending("delayMs"), in: delayRange, expected: "milliseconds from 0 to \(delayRange.upperBound)", &reader)
        }
        let allowInvalid = reader.member(members, "allowInvalid", of: node, pointer, required: false)
            .flatMap { reader.bool($0, pointer.appending("allowInvalid")) } ?? false
        var query: [HTTPQueryItem] = []
        if let value = reader.member(members, "query", of: node, pointer, required: false),
           let entries = reader.object(value, pointer.appending("query")) {
            query = entries.map { entry in
                let text = document.kind(entry.valueIndex) == .string
                    ? document.string(entry.valueIndex) : JSONWriter(style: .compact).string(document.value(at: entry.valueIndex))
                return HTTPQueryItem(name: entry.key, value: text)
            }
        }
        let body = reader.member(members, "body", of: node, pointer, required: false).map { document.value(at: $0) }
        guard reader.diagnostics.count == problemsBefore, let response else { return nil }
        self.init(method, path, response: response, times: times, delay: .milliseconds(delay ?? 0), allowInvalid: allowInvalid)
        self.query = query
        self.body = body
    }

    /// The `response` member: a status (200 when absent), header fields and a JSON body; nil after recording a problem.
    private static func readResponse(_ members: [(key: String, keyIndex: Int, valueIndex: Int)], of node: Int,
                                     _ pointer: JSONPointer, _ reader: inout LocatedReader) -> HTTPResponse? {
        guard let answer = reader.member(members, "response", of: node, pointer, required: false) else {
            return HTTPResponse(status: HTTPStatus(code: 200))
        }
        let base = pointer.appending("response")
        guard let fields = reader.object(answer, base, allowed: responseKeys) else { return nil }
        var wellFormed = true
        var status = 200
        if let value = reader.member(fields, "status", of: answer, base, required: false) {
            if let code = integer(value, base.appending("status"), in: 100...599, expected: "a status from 100 to 599", &reader) {
                status = code
            } else {
                wellFormed = false
            }
        }
        var headers = HTTPFields()
        if let value = reader.member(fields, "headers", of: answer, base, required: false),
           let entries = reader.object(value, base.appending("headers")) {
            for entry in entries {
                guard let text = reader.string(entry.valueIndex, base.appending("headers").appending(entry.key)) else {
                    wellFormed = false
                    continue
                }
                headers.append(name: entry.key, value: text)
            }
        }
        var response = HTTPResponse(status: HTTPStatus(code: status), headers: headers)
        if let value = reader.member(fields, "body", of: answer, base, required: false) {
            if !headers.contains("Content-Type") { response.headers.append(name: "Content-Type", value: "application/json") }
            response.body = JSONWriter(style: .compact).bytes(reader.document.value(at: value))
        }
        return wellFormed ? response : nil
    }

    /// A whole number in `range`, or nil after recording what was expected and what was found.
    private static func integer(_ node: Int, _ pointer: JSONPointer, in range: ClosedRange<Int>, expected: String,
                                _ reader: inout LocatedReader) -> Int? {
        let document = reader.document
        if document.kind(node) == .number, let value = JSONNumber(literal: document.numberLiteral(node)).intValue, range.contains(value) {
            return value
        }
        let found = document.kind(node) == .number ? bounded(document.numberLiteral(node)) : reader.kindName(node)
        reader.error("expected \(expected), found \(found)", at: node, pointer)
        return nil
    }

    /// Text from the document as a message quotes it: at most 80 characters.
    static func bounded(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(80)) + "…"
    }
}
