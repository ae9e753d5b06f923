import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// Reads a recording file's JSON back into an ``Exchange``, collecting every problem with its pointer.
struct ExchangeDecoder {
    /// Problems found so far, by pointer.
    private(set) var problems: [(JSONPointer, RecordingProblem)] = []

    mutating func fail(_ pointer: JSONPointer, _ reason: RecordingProblem) {
        problems.append((pointer, reason))
    }

    /// Decodes the envelope; nil when any problem was found.
    mutating func exchange(_ root: JSONValue) -> Exchange? {
        guard let members = object(root, at: .root, allowed: Members.envelope)
        else { return nil }
        if let format = require(members, "format", at: .root) {
            if format.numberValue?.intValue != Exchange.formatVersion {
                fail(JSONPointer(tokens: ["format"]), .unsupportedFormat(found: JSONWriter().string(format), supported: Exchange.formatVersion))
            }
        }
        var endpointID: String?
        if let endpoint = require(members, "endpoint", at: .root), endpoint != .null {
            endpointID = string(endpoint, at: "/endpoint")
        }
        var pathParameters: [String: String] = [:]
        if let parameters = members["pathParameters"], let entries = object(parameters, at: "/pathParameters", allowed: nil) {
            for member in entries {
                if let value = string(member.value, at: JSONPointer(tokens: ["pathParameters", member.key])) { pathParameters[member.key] = value }
            }
        }
        let request = require(members, "request", at: .root).flatMap { self.request($0) }
        let response = require(members, "response", at: .root).flatMap { self.response($0) }
        var timing = Exchange.Timing.unknown
        if let value = members["timing"], let recorded = self.timing(value) { timing = recorded }
        var violations: [Violation] = []
        if let list = members["violations"], let elements = array(list, at: "/violations") {
            for (index, element) in elements.enumerated() {
                if let violation = Violation(jsonValue: element) {
                    violations.append(violation)
                } else {
                    fail(JSONPointer(tokens: ["violations", String(index)]),
                         .invalidValue(expected: "a violation {in, pointer, rule, expected, actual}", actual: element.typeName))
                }
            }
        }
        guard problems.isEmpty, let request, let response else { return nil }
        return Exchange(request: request, response: response, endpointID: endpointID, pathParameters: pathParameters,
                        timing: timing, violations: violations)
    }

    private mutating func request(_ value: JSONValue) -> RecordedRequest? {
        let at = Pointers.request
        guard let members = object(value, at: at, allowed: Members.request) else { return nil }
        let method = require(members, "method", at: at).flatMap { string($0, at: "/request/method") }
        if let method, !HTTPMethod(method).isToken {
            fail("/request/method", .invalidValue(expected: "a method token", actual: "\"\(method.prefix(40))\""))
        }
        let path = require(members, "path", at: at).flatMap { string($0, at: "/request/path") }
        if let path, !path.hasPrefix("/") && path != "*" {
            fail("/request/path", .invalidValue(expected: "a path starting with /", actual: "\"\(path.prefix(80))\""))
        }
        var query: [HTTPQueryItem] = []
        if let list = members["query"], let elements = array(list, at: "/request/query") {
            for (index, element) in elements.enumerated() {
                func item() -> JSONPointer { at.appending("query").appending(index) }  // built only for a report
                guard let pair = object(element, at: item(), allowed: Members.pair),
                      let name = require(pair, "name", at: item()).flatMap({ string($0, at: item().appending("name")) }) else { continue }
                let value = pair["value"] == nil || pair["value"] == .null ? nil : string(pair["value"]!, at: item().appending("value"))
                query.append(HTTPQueryItem(name: name, value: value))
            }
        }
        let headers = require(members, "headers", at: at).flatMap { fields($0, at: at.appending("headers")) }
        let body = members["body"].map { self.body($0, at: at.appending("body")) } ?? .empty
        guard let method, let path, let headers, let body else { return nil }
        return RecordedRequest(method: HTTPMethod(method), path: path, query: query, headers: headers, body: body)
    }

    private mutating func response(_ value: JSONValue) -> RecordedResponse? {
        let at = Pointers.response
        guard let members = object(value, at: at, allowed: Members.response) else { return nil }
        var status: Int?
        if let raw = require(members, "status", at: at) {
            if let code = raw.numberValue?.intValue, (100...599).contains(code) {
                status = code
            } else {
                fail("/response/status", .invalidValue(expected: "a status code 100–599", actual: JSONWriter().string(raw).prefix(40).description))
            }
        }
        let headers = require(members, "headers", at: at).flatMap { fields($0, at: at.appending("headers")) }
        let body = members["body"].map { self.body($0, at: at.appending("body")) } ?? .empty
        guard let status, let headers, let body else { return nil }
        return RecordedResponse(status: status, headers: headers, body: body)
    }

    private mutating func timing(_ value: JSONValue) -> Exchange.Timing? {
        guard let members = object(value, at: "/timing", allowed: Members.timing) else { return nil }
        var timing = Exchange.Timing.unknown
        if let text = require(members, "startedAt", at: "/timing").flatMap({ string($0, at: "/timing/startedAt") }) {
            if let date = Timestamp.recordingDate(text) { timing.startedAt = date } else {
                fail("/timing/startedAt", .invalidValue(expected: "an RFC 3339 timestamp", actual: "\"\(text.prefix(40))\""))
            }
        }
        if let number = require(members, "milliseconds", at: "/timing") {
            if let milliseconds = number.numberValue?.doubleValue, milliseconds >= 0 { timing.milliseconds = milliseconds } else {
                fail("/timing/milliseconds", .invalidValue(expected: "a number ≥ 0", actual: JSONWriter().string(number).prefix(40).description))
            }
        }
        return timing
    }

    /// A body member: exactly one of `json`, `text`, `base64`, or `json` with the `text` it was received as.
    ///
    /// With both, the text is sent when it still parses to the `json` value; when the value was edited by hand, the
    /// value wins and is sent compactly. A `text` alone that parses as JSON is JSON (files from before formatted JSON).
    private mutating func body(_ value: JSONValue, at pointer: @autoclosure () -> JSONPointer) -> RecordedBody? {
        guard let members = object(value, at: pointer(), allowed: Members.body) else { return nil }
        if members.count == 2, let json = members.first(where: { $0.key == "json" })?.value,
           let textMember = members.first(where: { $0.key == "text" }) {
            guard let text = string(textMember.value, at: pointer().appending("text")) else { return nil }
            if case .formattedJSON(let received, _) = RecordedBody(text: text), received == json { return .formattedJSON(json, text: text) }
            return .json(json)
        }
        guard members.count == 1, let member = members.first else {
            fail(pointer(), .invalidValue(expected: "exactly one of \"json\", \"text\", \"base64\", or \"json\" and \"text\"",
                                          actual: "\(members.count) members"))
            return nil
        }
        switch member.key {
        case "json": return .json(member.value)
        case "text": return string(member.value, at: pointer().appending(member.key)).map(RecordedBody.init(text:))
        default:
            guard let text = string(member.value, at: pointer().appending(member.key)) else { return nil }
            guard let data = Data(base64Encoded: text) else {
                fail(pointer().appending(member.key), .invalidValue(expected: "base64 text", actual: "\(text.utf8.count) characters that are not base64"))
                return nil
            }
            return data.isEmpty ? .empty : .binary(Array(data))
        }
    }

    /// Header fields: an array of `{"name", "value"}` strings.
    private mutating func fields(_ value: JSONValue, at pointer: @autoclosure () -> JSONPointer) -> HTTPFields? {
        guard let elements = array(value, at: pointer()) else { return nil }
        var fields = HTTPFields()
        var complete = true
        for (index, element) in elements.enumerated() {
            func field() -> JSONPointer { pointer().appending(index) }  // built only for a report
            guard let pair = object(element, at: field(), allowed: Members.pair),
                  let name = require(pair, "name", at: field()).flatMap({ string($0, at: field().appending("name")) }),
                  let value = require(pair, "value", at: field()).flatMap({ string($0, at: field().appending("value")) }) else {
                complete = false
                continue
            }
            fields.append(name: name, value: value)
        }
        return complete ? fields : nil
    }

    // MARK: Typed access that records what is wrong

    private mutating func object(_ value: JSONValue, at pointer: @autoclosure () -> JSONPointer, allowed: Set<String>?) -> [JSONMember]? {
        guard let members = value.objectValue else {
            fail(pointer(), .wrongType(expected: "object", actual: value.typeName))
            return nil
        }
        if let allowed {
            for member in members where !allowed.contains(member.key) { fail(pointer().appending(member.key), .unknownMember(member.key)) }
        }
        return members
    }

    private mutating func array(_ value: JSONValue, at pointer: @autoclosure () -> JSONPointer) -> [JSONValue]? {
        guard let elements = value.arrayValue else {
            fail(pointer(), .wrongType(expected: "array", actual: value.typeName))
            return nil
        }
        return elements
    }

    private mutating func string(_ value: JSONValue, at pointer: @autoclosure () -> JSONPointer) -> String? {
        guard let text = value.stringValue else {
            fail(pointer(), .wrongType(expected: "string", actual: value.typeName))
            return nil
        }
        return text
    }

    private mutating func require(_ members: [JSONMember], _ key: String, at pointer: @autoclosure () -> JSONPointer) -> JSONValue? {
        guard let value = members[key] else {
            fail(pointer(), .missing(member: key))
            return nil
        }
        return value
    }
}

/// The members each object of the format may have, built once (a `Set` literal is hashed anew on every call).
private enum Members {
    static let envelope: Set<String> = ["endpoint", "format", "pathParameters", "request", "response", "timing", "violations"]
    static let request: Set<String> = ["body", "headers", "method", "path", "query"]
    static let response: Set<String> = ["body", "headers", "status"]
    static let timing: Set<String> = ["milliseconds", "startedAt"]
    static let body: Set<String> = ["base64", "json", "text"]
    static let pair: Set<String> = ["name", "value"]
}

/// Pointers used on every file, parsed once; the others are built only when a problem is reported (the decoder's
/// `at:` arguments are autoclosures: parsing a pointer per value read was a sixth of `--replay`'s start-up).
private enum Pointers {
    static let request: JSONPointer = "/request"
    static let response: JSONPointer = "/response"
}

private extension Array where Element == JSONMember {
    subscript(key: String) -> JSONValue? { last { $0.key == key }?.value }
}
