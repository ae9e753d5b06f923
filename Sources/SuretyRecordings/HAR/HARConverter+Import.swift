import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

extension HARConverter {
    /// Reads the entries of a HAR document; an entry that cannot be read is skipped with an issue naming its pointer.
    public func importEntries(from bytes: [UInt8], file: String) -> (exchanges: [Exchange], issues: [RecordingIssue]) {
        let result = importHAR(from: bytes, file: file)
        return (result.exchanges, result.issues)
    }

    /// Reads and imports the HAR file at `path`; a file over ``maxFileBytes`` (or no regular file) is refused by
    /// its size before it is read, as the import's one issue.
    public func importHAR(path: String, host: String? = nil) -> HARImport {
        switch RegularFile.read(path, maxBytes: Self.maxFileBytes) {
        case .success(let bytes): return importHAR(from: bytes, file: path, host: host)
        case .failure(let failure):
            var result = HARImport()
            result.issues = [RecordingIssue(file: path, reason: .unreadable(failure.phrase))]
            return result
        }
    }

    /// The most bytes a HAR file may have (a browser's HAR of a long session holds many bodies).
    public static let maxFileBytes = 256 << 20

    /// Reads the API's entries of a HAR document, as browsers' devtools and mitmproxy export it.
    ///
    /// Entries that are not the API's are left out and counted (see ``HARSkipReason``): static files that route to no
    /// endpoint, CORS preflights, non-HTTP URLs, requests that got no response, and requests to other hosts. The API's
    /// host is `host` when given (a name, or a name and port), else the host with the most entries that route to the
    /// contract (then the most entries, then the first by name). An entry that cannot be read is an issue naming its
    /// pointer. The request's path and query come from `url` (so `?flag` without `=` survives); bodies from
    /// `postData.text` and `content.text` (decoded when `encoding` is `base64`). Endpoint, path parameters and
    /// violations come from `_surety` when present, else from ``checker``.
    public func importHAR(from bytes: [UInt8], file: String, host: String? = nil) -> HARImport {
        var result = HARImport()
        let document: JSONDocument
        do {
            document = try JSONParser().parse(bytes)
        } catch {
            result.issues = [RecordingIssue(file: file, position: TextPosition(line: error.line, column: error.column), reason: .syntax(error))]
            return result
        }
        let root = document.value()
        guard let entries = root["log"]?["entries"]?.arrayValue else {
            let pointer: JSONPointer = root["log"] == nil ? .root : "/log"
            result.issues = [RecordingIssue(file: file, pointer: pointer, position: Exchange.position(of: pointer, in: document),
                                            reason: .missing(member: root["log"] == nil ? "log" : "entries"))]
            return result
        }
        result.entryCount = entries.count
        var traits = entries.map(HAREntryTraits.init)
        for index in traits.indices where traits[index].reason == .staticFile {
            if let request = traits[index].request, case .routed? = checker?.route(request) { traits[index].reason = nil }
        }
        let chosen = host ?? apiHost(traits)
        if host == nil, Set(traits.filter { $0.reason == nil }.compactMap(\.host)).count > 1 { result.apiHost = chosen }
        for (index, entry) in entries.enumerated() {
            if let reason = traits[index].reason ?? (chosen.map { traits[index].isFor($0) } == false ? .otherHost : nil) {
                result.skipped[reason, default: 0] += 1
                if reason == .otherHost { result.otherHosts[traits[index].host ?? "", default: 0] += 1 }
                continue
            }
            let at = JSONPointer(tokens: ["log", "entries", String(index)])
            switch exchange(entry) {
            case .success(let exchange):
                result.exchanges.append(exchange)
                result.entryIndices.append(index)
            case .failure(let failure):
                let pointer = JSONPointer(tokens: at.tokens + failure.pointer.tokens)
                result.issues.append(RecordingIssue(file: file, pointer: pointer, position: Exchange.position(of: pointer, in: document),
                                                    reason: failure.reason))
            }
        }
        return result
    }

    /// The host most entries of the API go to: most routed to the contract, then most entries, then first by name.
    private func apiHost(_ traits: [HAREntryTraits]) -> String? {
        var scores: [String: (routed: Int, all: Int)] = [:]
        for trait in traits where trait.reason == nil {
            guard let host = trait.host else { continue }
            var routed = 0
            if let request = trait.request, case .routed? = checker?.route(request) { routed = 1 }
            scores[host, default: (0, 0)].routed += routed
            scores[host, default: (0, 0)].all += 1
        }
        return scores.min { lhs, rhs in
            if lhs.value.routed != rhs.value.routed { return lhs.value.routed > rhs.value.routed }
            if lhs.value.all != rhs.value.all { return lhs.value.all > rhs.value.all }
            return lhs.key < rhs.key
        }?.key
    }

    /// Why one entry could not be read, relative to the entry.
    struct EntryFailure: Error {
        var pointer: JSONPointer
        var reason: RecordingProblem
    }

    private func exchange(_ entry: JSONValue) -> Result<Exchange, EntryFailure> {
        func fail(_ pointer: JSONPointer, _ reason: RecordingProblem) -> Result<Exchange, EntryFailure> {
            .failure(EntryFailure(pointer: pointer, reason: reason))
        }
        guard let request = entry["request"], request.objectValue != nil else { return fail(.root, .missing(member: "request")) }
        guard let response = entry["response"], response.objectValue != nil else { return fail(.root, .missing(member: "response")) }
        let method: String, url: String
        switch (Self.string(request, "method"), Self.string(request, "url")) {
        case (.failure(let failure), _), (_, .failure(let failure)): return .failure(failure)
        case (.success(let methodText), .success(let urlText)): (method, url) = (methodText, urlText)
        }
        guard HTTPMethod(method).isToken else {
            return fail("/request/method", .invalidValue(expected: "an HTTP method (a token such as GET)", actual: "\"\(method.prefix(40))\""))
        }
        guard let target = Self.target(of: url) else {
            return fail("/request/url", .invalidValue(expected: "an http(s) URL or a path", actual: "\"\(url.prefix(80))\""))
        }
        guard let status = response["status"]?.numberValue?.intValue, (100...599).contains(status) else {
            return fail("/response/status", .invalidValue(expected: "a status code 100–599", actual: response["status"]?.typeName ?? "absent"))
        }
        guard let requestBody = Self.body(request["postData"]) else {
            return fail("/request/postData/text", .invalidValue(expected: "base64 text", actual: "other text"))
        }
        guard let responseBody = Self.body(response["content"]) else {
            return fail("/response/content/text", .invalidValue(expected: "base64 text", actual: "other text"))
        }
        let httpRequest = HTTPRequest(method: HTTPMethod(method), target: target, headers: Self.fields(request["headers"]), body: requestBody)
        let httpResponse = HTTPResponse(status: HTTPStatus(code: status), headers: Self.fields(response["headers"]), body: responseBody)
        let startedAt = entry["startedDateTime"]?.stringValue.flatMap(Timestamp.recordingDate) ?? Exchange.Timing.unknown.startedAt
        let timing = Exchange.Timing(startedAt: startedAt, milliseconds: max(0, entry["time"]?.numberValue?.doubleValue ?? 0))
        guard let surety = entry["_surety"], surety.objectValue != nil else {
            return .success(Exchange(request: httpRequest, response: httpResponse, checker: checker, timing: timing))
        }
        var exchange = Exchange(request: httpRequest, response: httpResponse, checker: nil, timing: timing)
        exchange.endpointID = surety["endpoint"]?.stringValue
        for member in surety["pathParameters"]?.objectValue ?? [] {
            if let value = member.value.stringValue { exchange.pathParameters[member.key] = value }
        }
        exchange.violations = surety["violations"]?.arrayValue?.compactMap(Violation.init(jsonValue:)) ?? []
        return .success(exchange)
    }

    /// The string member `name` of the entry's `request`, or why it is not one (pointer relative to the entry).
    static func string(_ request: JSONValue, _ name: String) -> Result<String, EntryFailure> {
        guard let value = request[name] else { return .failure(EntryFailure(pointer: "/request", reason: .missing(member: name))) }
        guard let text = value.stringValue else {
            return .failure(EntryFailure(pointer: JSONPointer(tokens: ["request", name]), reason: .wrongType(expected: "string", actual: value.typeName)))
        }
        return .success(text)
    }

    /// The origin-form target of an absolute URL (`https://host/p?q` → `/p?q`), or the URL itself when it is a path.
    static func target(of url: String) -> String? {
        if url.hasPrefix("/") { return url }
        guard let scheme = url.range(of: "://") else { return nil }
        let afterAuthority = url[scheme.upperBound...]
        guard let slash = afterAuthority.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) else { return "/" }
        var rest = String(afterAuthority[slash...])
        if let fragment = rest.firstIndex(of: "#") { rest = String(rest[..<fragment]) }
        return rest.hasPrefix("/") ? rest : "/" + rest
    }

    /// Header fields from `[{"name", "value"}]`, HTTP/2 pseudo-headers (`:authority`…) dropped.
    static func fields(_ value: JSONValue?) -> HTTPFields {
        HTTPFields(allFields(value).filter { !$0.name.hasPrefix(":") })
    }

    /// Header fields from `[{"name", "value"}]`, HTTP/2 pseudo-headers kept.
    static func allFields(_ value: JSONValue?) -> HTTPFields {
        HTTPFields((value?.arrayValue ?? []).compactMap { field -> HTTPField? in
            guard let name = field["name"]?.stringValue, let value = field["value"]?.stringValue else { return nil }
            return HTTPField(name: name, value: value)
        })
    }

    /// A body from `postData` or `content`: its `text`, base64-decoded when `encoding` says so; nil when that fails.
    static func body(_ value: JSONValue?) -> [UInt8]? {
        guard let text = value?["text"]?.stringValue else { return [] }
        guard value?["encoding"]?.stringValue == "base64" else { return Array(text.utf8) }
        return Data(base64Encoded: text).map(Array.init)
    }
}
