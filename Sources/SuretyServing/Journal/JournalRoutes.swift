import SuretyConformance
import SuretyHTTPCore
import SuretyJSON

/// The admin routes of the request journal: `GET /__surety/requests` lists what the server received (filtered by
/// `endpoint`, `method`, `status`, `path`, `since`; at most ``maxListed``, newest kept), and
/// `POST /__surety/requests/count` answers how many requests fit a matcher, so a test can assert how often its app
/// called an endpoint.
public enum JournalRoutes {
    /// The most entries one listing shows (the newest); the count says how many fit.
    public static let maxListed = 1_000

    /// The routes over `journal`.
    public static func routes(journal: Journal) -> [String: AdminContext.Handler] {
        [
            "GET /__surety/requests": { request in
                let items = request.queryItems
                let matcher = JournalMatcher { name in items.last { $0.name == name }?.value }
                let found = journal.entries(matching: matcher)
                return StubRoutes.json(.object([
                    "count": .integer(found.count), "total": .integer(journal.count), "kept": .integer(journal.maxEntries),
                    "entries": .array(found.suffix(maxListed).map(json)),
                ]), status: 200)
            },
            "POST /__surety/requests/count": { request in
                let body = (try? JSONParser().parse(request.body).value()) ?? .object([])
                guard case .object = body else {
                    return Problem(status: .badRequest, title: "Expected a matcher", detail: #"Send {"endpoint"?, "method"?, "status"?, "path"?, "since"?}."#).response
                }
                let matcher = JournalMatcher { name in
                    body[name].flatMap { $0.stringValue ?? $0.numberValue.map { $0.literal } }
                }
                return StubRoutes.json(.object(["count": .integer(journal.entries(matching: matcher).count)]), status: 200)
            },
        ]
    }

    static func json(_ entry: Journal.Entry) -> JSONValue {
        .object([
            "sequence": .integer(entry.sequence), "at": .string(entry.at), "method": .string(entry.method), "target": .string(entry.target),
            "endpoint": entry.endpointID.map(JSONValue.string) ?? .null, "status": .integer(entry.status),
        ])
    }
}
