import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// Converts recordings to and from HAR 1.2 (`log.entries[]`), so they move between Surety, browsers' devtools,
/// mitmproxy and other tools.
///
/// Export writes each exchange as an entry with `request` (method, absolute `url`, `headers`, `queryString`,
/// `postData`), `response` (status, `headers`, `content` with `mimeType` and `text`, base64 for binary bodies),
/// `startedDateTime`, `time` and `timings`, plus a `_surety` member (endpoint, path parameters, violations) that
/// other tools ignore. Import reads the same, and tolerates what browsers add (`cookies`, `timings`, `cache`,
/// `_initiator`, `_extensions`, HTTP/2 pseudo-headers, which are dropped). Imported exchanges are not redacted
/// here: write them through a ``RecordingStore``, which redacts whatever it writes.
public struct HARConverter: Sendable {
    /// The scheme and authority exported URLs start with.
    public var baseURL: String
    /// Routes and judges imported entries that carry no `_surety` member; nil leaves them unrouted.
    public var checker: ExchangeChecker?

    /// Creates a converter.
    public init(baseURL: String = "http://localhost", checker: ExchangeChecker? = nil) {
        self.baseURL = baseURL
        self.checker = checker
    }

    /// The HAR document of `exchanges`, in the order given.
    public func export(_ exchanges: [Exchange]) -> JSONValue {
        .object([
            "log": .object([
                "version": "1.2",
                "creator": .object(["name": "surety", "version": .string(String(Exchange.formatVersion))]),
                "entries": .array(exchanges.map(entry)),
            ]),
        ])
    }

    /// The HAR document's bytes, pretty-printed.
    public func exportBytes(_ exchanges: [Exchange]) -> [UInt8] {
        JSONWriter(style: .pretty).bytes(export(exchanges))
    }

    private func entry(_ exchange: Exchange) -> JSONValue {
        let milliseconds = JSONValue.number(JSONNumber((exchange.timing.milliseconds * 1000).rounded() / 1000))
        let request = exchange.request
        var requestMembers: [JSONMember] = [
            JSONMember(key: "method", value: .string(request.method.rawValue)),
            JSONMember(key: "url", value: .string(url(request.target))),
            JSONMember(key: "httpVersion", value: "HTTP/1.1"),
            JSONMember(key: "cookies", value: []),
            JSONMember(key: "headers", value: Exchange.fieldsValue(request.headers)),
            JSONMember(key: "queryString", value: .array(request.query.map { .object(["name": .string($0.name), "value": .string($0.value ?? "")]) })),
            JSONMember(key: "headersSize", value: -1),
            JSONMember(key: "bodySize", value: .integer(request.body.bytes.count)),
        ]
        if !request.body.isEmpty {
            var postData = Self.content(request.body, mimeType: request.headers["Content-Type"])
            postData.removeAll { $0.key == "size" }
            requestMembers.append(JSONMember(key: "postData", value: .object(postData)))
        }
        let response = exchange.response
        let responseValue: JSONValue = .object([
            "status": .integer(response.status),
            "statusText": .string(HTTPStatus(code: response.status).reasonPhrase),
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": Exchange.fieldsValue(response.headers),
            "content": .object(Self.content(response.body, mimeType: response.headers["Content-Type"])),
            "redirectURL": .string(response.headers["Location"] ?? ""),
            "headersSize": -1,
            "bodySize": .integer(response.body.bytes.count),
        ])
        return .object([
            "startedDateTime": .string(Timestamp.recordingText(exchange.timing.startedAt)),
            "time": milliseconds,
            "request": .object(requestMembers),
            "response": responseValue,
            "cache": .object([]),
            "timings": .object(["send": 0, "wait": milliseconds, "receive": 0]),
            "_surety": .object([
                "endpoint": exchange.endpointID.map(JSONValue.string) ?? .null,
                "pathParameters": .object(exchange.pathParameters.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: .string($0.value)) }),
                "violations": .array(exchange.violations.map(\.jsonValue)),
            ]),
        ])
    }

    /// A `content` (or `postData`) object: `size`, `mimeType`, `text`, and `encoding: "base64"` for binary bodies.
    private static func content(_ body: RecordedBody, mimeType: String?) -> [JSONMember] {
        var members: [JSONMember] = [
            JSONMember(key: "size", value: .integer(body.bytes.count)),
            JSONMember(key: "mimeType", value: .string(mimeType ?? "")),
        ]
        switch body {
        case .empty: break
        case .json, .formattedJSON, .text: members.append(JSONMember(key: "text", value: .string(String(decoding: body.bytes, as: UTF8.self))))
        case .binary(let bytes):
            members.append(JSONMember(key: "text", value: .string(Data(bytes).base64EncodedString())))
            members.append(JSONMember(key: "encoding", value: "base64"))
        }
        return members
    }

    /// The absolute URL of a target under ``baseURL``.
    private func url(_ target: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + target
    }
}
