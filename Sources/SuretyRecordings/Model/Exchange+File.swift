import SuretyConformance
import Foundation
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

extension Exchange {
    /// The exchange as the JSON value of its recording file: envelope keys sorted, bodies in their received order.
    public var fileValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "endpoint", value: endpointID.map(JSONValue.string) ?? .null),
            JSONMember(key: "format", value: .integer(Self.formatVersion)),
            JSONMember(key: "pathParameters",
                       value: .object(pathParameters.map { JSONMember(key: $0.key, value: .string($0.value)) })),
            JSONMember(key: "request", value: request.fileValue),
            JSONMember(key: "response", value: response.fileValue),
            JSONMember(key: "timing", value: .object([
                "milliseconds": .number(JSONNumber((timing.milliseconds * 1000).rounded() / 1000)),
                "startedAt": .string(Timestamp.recordingText(timing.startedAt)),
            ])),
            JSONMember(key: "violations", value: .array(violations.map { $0.jsonValue.canonicalized() })),
        ]
        members = members.map { member in
            member.key == "request" || member.key == "response" ? member : JSONMember(key: member.key, value: member.value.canonicalized())
        }
        return .object(members)
    }

    /// The bytes of the recording file: pretty, two-space indented, ending with a newline.
    public var fileBytes: [UInt8] {
        JSONWriter(style: .pretty).bytes(fileValue)
    }

    /// The short hash in the file name: 8 hex digits of FNV-1a over the endpoint id and the canonical request.
    public var shortHash: String {
        var hash = StableHash((endpointID ?? "").utf8)
        hash.combine(JSONWriter(style: .compact).bytes(request.fileValue.canonicalized()))
        return hash.hex(digits: 8)
    }

    /// The header fields as `[{"name", "value"}]`, in order.
    static func fieldsValue(_ fields: HTTPFields) -> JSONValue {
        .array(fields.map { .object(["name": .string($0.name), "value": .string($0.value)]) })
    }
}

extension RecordedRequest {
    /// The request's member of a recording file, keys sorted.
    var fileValue: JSONValue {
        var members: [JSONMember] = []
        if let body = body.fileValue { members.append(JSONMember(key: "body", value: body)) }
        members += [
            JSONMember(key: "headers", value: Exchange.fieldsValue(headers)),
            JSONMember(key: "method", value: .string(method.rawValue)),
            JSONMember(key: "path", value: .string(path)),
            JSONMember(key: "query", value: .array(query.map { .object(["name": .string($0.name), "value": $0.value.map(JSONValue.string) ?? .null]) })),
        ]
        return .object(members)
    }
}

extension RecordedResponse {
    /// The response's member of a recording file, keys sorted.
    var fileValue: JSONValue {
        var members: [JSONMember] = []
        if let body = body.fileValue { members.append(JSONMember(key: "body", value: body)) }
        members += [
            JSONMember(key: "headers", value: Exchange.fieldsValue(headers)),
            JSONMember(key: "status", value: .integer(status)),
        ]
        return .object(members)
    }
}

extension JSONValue {
    /// A copy whose objects, at every depth, have their members sorted by key (UTF-16 order, as RFC 8785).
    func canonicalized() -> JSONValue {
        switch self {
        case .object(let members):
            return .object(members.map { JSONMember(key: $0.key, value: $0.value.canonicalized()) }
                .sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) })
        case .array(let elements):
            return .array(elements.map { $0.canonicalized() })
        default:
            return self
        }
    }
}
