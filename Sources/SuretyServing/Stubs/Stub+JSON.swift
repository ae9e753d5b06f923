import SuretyHTTPCore
import SuretyJSON

extension Stub {
    /// Why a stub document cannot be read.
    public struct ReadError: Error, Equatable, CustomStringConvertible {
        /// Where in the document, as a JSON Pointer.
        public var pointer: String
        /// What is wrong.
        public var message: String

        /// `/pointer: message`.
        public var description: String { "\(pointer.isEmpty ? "/" : pointer): \(message)" }
    }

    /// Reads a stub document (`POST /__surety/stubs`, a file of `--stubs DIR`):
    /// `{"method", "path", "query"?, "body"?, "response": {"status"?, "headers"?, "body"?}, "times"?, "delayMs"?,
    /// "allowInvalid"?}`.
    public init(json value: JSONValue) throws(ReadError) {
        guard case .object = value else { throw ReadError(pointer: "", message: "a stub is a JSON object") }
        guard let method = value["method"]?.stringValue, !method.isEmpty else { throw ReadError(pointer: "/method", message: "a method is required") }
        guard let path = value["path"]?.stringValue, path.hasPrefix("/") else {
            throw ReadError(pointer: "/path", message: "a path pattern starting with / is required")
        }
        let answer = value["response"] ?? .object([])
        let status = answer["status"]?.numberValue?.intValue ?? 200
        guard (100...599).contains(status) else { throw ReadError(pointer: "/response/status", message: "a status from 100 to 599") }
        var headers = HTTPFields()
        for member in answer["headers"]?.objectValue ?? [] {
            guard let text = member.value.stringValue else { throw ReadError(pointer: "/response/headers/\(member.key)", message: "a string") }
            headers.append(name: member.key, value: text)
        }
        var response = HTTPResponse(status: HTTPStatus(code: status), headers: headers)
        if let body = answer["body"] {
            if !headers.contains("Content-Type") { response.headers.append(name: "Content-Type", value: "application/json") }
            response.body = JSONWriter(style: .compact).bytes(body)
        }
        let times = value["times"]?.numberValue?.intValue
        if let times, times < 1 { throw ReadError(pointer: "/times", message: "at least 1") }
        let delay = value["delayMs"]?.numberValue?.intValue ?? 0
        guard delay >= 0, Duration.milliseconds(delay) <= Self.maxDelay else {
            throw ReadError(pointer: "/delayMs", message: "from 0 to \(Self.maxDelay.components.seconds * 1_000) milliseconds")
        }
        self.init(method, path, response: response, times: times, delay: .milliseconds(delay), allowInvalid: value["allowInvalid"]?.boolValue ?? false)
        query = (value["query"]?.objectValue ?? []).map { HTTPQueryItem(name: $0.key, value: $0.value.stringValue ?? JSONWriter(style: .compact).string($0.value)) }
        body = value["body"]
    }

    /// The stub as the admin routes list it.
    public func jsonValue(id: Int, remaining: Int?) -> JSONValue {
        .object([
            "id": .integer(id), "method": .string(method), "path": .string(path), "status": .integer(response.status.code),
            "remaining": remaining.map { .integer($0) } ?? .null, "delayMs": .integer(Int(delay.components.seconds * 1_000)),
            "allowInvalid": .bool(allowInvalid),
        ])
    }
}
