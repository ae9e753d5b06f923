import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// Which journal entries a question is about: an endpoint id, a method, a status, a path pattern (`*` or `{name}`
/// for one segment) and a time from which on; every field left out matches everything.
public struct JournalMatcher: Sendable, Hashable {
    /// The contract's endpoint id.
    public var endpointID: String?
    /// The method, upper case.
    public var method: String?
    /// The response status.
    public var status: Int?
    /// A path pattern, as a stub's.
    public var path: String?
    /// RFC 3339: entries answered at or after it.
    public var since: String?

    /// Creates a matcher.
    public init(endpointID: String? = nil, method: String? = nil, status: Int? = nil, path: String? = nil, since: String? = nil) {
        self.endpointID = endpointID
        self.method = method?.uppercased()
        self.status = status
        self.path = path
        self.since = since
    }

    /// The matcher a query string or a JSON object names (`endpoint`, `method`, `status`, `path`, `since`).
    public init(fields: (String) -> String?) {
        self.init(endpointID: fields("endpoint"), method: fields("method"), status: fields("status").flatMap { Int($0) },
                  path: fields("path"), since: fields("since"))
    }

    /// Whether an entry fits.
    public func matches(_ entry: Journal.Entry) -> Bool {
        if let endpointID, entry.endpointID != endpointID { return false }
        if let method, entry.method != method { return false }
        if let status, entry.status != status { return false }
        if let since, let instant = Timestamp(rfc3339: since), entry.microseconds < instant.microseconds { return false }
        if let path {
            return Stub.path(String(entry.target.prefix { $0 != "?" }), fits: path)
        }
        return true
    }
}
