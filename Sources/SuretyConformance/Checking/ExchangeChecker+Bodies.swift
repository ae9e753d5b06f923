import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// What checking a response found, with the parsed body for callers that look further (coverage, captures).
public struct ResponseCheck: Sendable {
    /// Every violation of the response.
    public var violations: [Violation]
    /// The body, parsed, when it was JSON.
    public var document: JSONDocument?
    /// The type the body was judged against, when the status documents one.
    public var bodyType: TypeRef?
}

extension ExchangeChecker {
    /// Checks a request body: present when the endpoint takes one, absent when it does not, JSON of the right type;
    /// with the body parsed, when it was JSON.
    func checkRequestBody(_ request: HTTPRequest, endpoint: Endpoint) -> ([Violation], JSONDocument?) {
        let type = endpoint.request?.type ?? .empty
        if type == .empty {
            guard !request.body.isEmpty else { return ([], nil) }
            return ([Violation(part: .body, rule: .body, expected: "no body", actual: "\(request.body.count) bytes")], nil)
        }
        if request.body.isEmpty {
            if type.isOptional { return ([], nil) }
            return ([Violation(part: .body, rule: .required, expected: "a body of \(type)", actual: "no body")], nil)
        }
        var violations: [Violation] = []
        if let contentType = request.headers["Content-Type"], !Self.isJSON(contentType) {
            violations.append(Violation(part: .header, pointer: JSONPointer(tokens: ["Content-Type"]), rule: .contentType,
                                        expected: "application/json", actual: ValidationIssue.bounded(contentType)))
        }
        let (issues, document) = validateBody(request.body, as: type, part: .body)
        return (violations + issues, document)
    }

    /// Every violation of a response to a routed request, and its parsed body.
    public func checkResponse(_ response: HTTPResponse, to routed: RoutedRequest) -> ResponseCheck {
        let status = response.status.code
        let endpoint = routed.endpoint
        guard let type = endpoint.responseType(status: status, extended: routed.wantsExtended) else {
            var violations: [Violation] = []
            if !ErrorConvention.accepts(status) {
                let documented = endpoint.responses.map { String($0.status) }.joined(separator: ", ")
                violations.append(Violation(part: .status, rule: .status,
                                            expected: "\(documented) or a conventional 4xx", actual: String(status)))
            }
            var document: JSONDocument?
            if !routed.isHead, !response.body.isEmpty, let contentType = response.headers["Content-Type"], Self.isJSON(contentType) {
                let (issues, parsed) = validateBody(response.body, as: .unspecified, part: .responseBody)
                violations += issues
                document = parsed
            }
            return ResponseCheck(violations: violations, document: document, bodyType: nil)
        }
        if routed.isHead || type == .empty || status == 204 || status == 304 {
            guard !routed.isHead, type == .empty, !response.body.isEmpty else { return ResponseCheck(violations: [], bodyType: type) }
            return ResponseCheck(violations: [Violation(part: .responseBody, rule: .body, expected: "no body",
                                                        actual: "\(response.body.count) bytes")], bodyType: type)
        }
        var violations: [Violation] = []
        let contentType = response.headers["Content-Type"]
        if contentType.map(Self.isJSON) != true {
            violations.append(Violation(part: .responseHeader, pointer: JSONPointer(tokens: ["Content-Type"]), rule: .contentType,
                                        expected: "application/json", actual: contentType.map { ValidationIssue.bounded($0) } ?? "absent"))
        }
        if response.body.isEmpty {
            violations.append(Violation(part: .responseBody, rule: .body, expected: "a body of \(type)", actual: "no body"))
            return ResponseCheck(violations: violations, bodyType: type)
        }
        let (issues, document) = validateBody(response.body, as: type, part: .responseBody)
        return ResponseCheck(violations: violations + issues, document: document, bodyType: type)
    }

    /// Parses a body and validates it; a syntax error is one violation that carries line and column.
    func validateBody(_ bytes: [UInt8], as type: TypeRef, part: Violation.Part) -> ([Violation], JSONDocument?) {
        let document: JSONDocument
        do {
            document = try JSONParser().parse(bytes)
        } catch {
            return ([Violation(part: part, rule: .syntax, expected: "JSON text",
                               actual: "line \(error.line), column \(error.column): \(error.message)")], nil)
        }
        guard type != .unspecified else { return ([], document) }
        return (validator.validate(document, against: type).map { Violation($0, part: part) }, document)
    }

    /// Whether a `Content-Type` value names JSON: `application/json` or any `+json` suffix, parameters allowed.
    public static func isJSON(_ contentType: String) -> Bool {
        // Byte by byte (every checked exchange asks, twice): the names compared are ASCII, so ASCII case folding is
        // the whole of the comparison; a non-ASCII byte matches nothing.
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        let head = contentType.utf8.prefix { $0 != UInt8(ascii: ";") }.drop(while: isBlank)
        var mediaType = Array(head)
        while let last = mediaType.last, isBlank(last) { mediaType.removeLast() }
        for index in mediaType.indices where (0x41...0x5A).contains(mediaType[index]) { mediaType[index] |= 0x20 }
        return mediaType.elementsEqual("application/json".utf8)
            || (mediaType.starts(with: "application/".utf8) && mediaType.reversed().starts(with: "nosj+".utf8))
    }
}
