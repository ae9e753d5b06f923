import Foundation
import SuretyConformance
import SuretyJSON

/// One recorded HTTP exchange: the request, the response, what the contract made of them, and when it happened.
///
/// ## The recording file
/// Each exchange is one JSON file, `DIR/<endpointId>/<sequence>-<hash>.json` (`DIR/_unrouted/…` when no endpoint
/// matched), written pretty with the envelope's keys sorted so that a recording diffs well in git. Bodies keep the
/// key order the server sent, so a replay is byte-identical.
///
/// ```json
/// {
///   "endpoint": "fetchDocumentsJob",            // the contract's endpoint id; null when unrouted
///   "format": 1,                                // the file format's version
///   "pathParameters": {"jobLocator": "01J…"},   // percent-decoded, by name
///   "request": {
///     "body": {"json": {…}},                    // or {"json": …, "text": "…"}, {"text": "…"}, {"base64": "…"}; absent when empty
///     "headers": [{"name": "Accept", "value": "application/json"}],   // in order, duplicates kept
///     "method": "GET",
///     "path": "/document/…/jobs/01J…",           // percent-encoded as received, without the query
///     "query": [{"name": "count", "value": "10"}] // percent-decoded, in order; "value": null for `?flag`
///   },
///   "response": {"body": {…}, "headers": […], "status": 200},
///   "timing": {"milliseconds": 12.25, "startedAt": "2025-01-31T09:30:00.123Z"},
///   "violations": [{"in": "responseBody", "pointer": "/state", "rule": "enum", "expected": "…", "actual": "…"}]
/// }
/// ```
/// `body` is `{"json": value}` when writing the value compactly gives back the exact bytes received, and
/// `{"json": value, "text": received}` for other JSON (pretty, spaced, a trailing newline), so replay stays
/// byte-identical; other UTF-8 bodies are `{"text": …}`, other bytes `{"base64": …}`. Secrets are replaced by
/// `[redacted]` (credentials by `[redacted:fingerprint]`, see ``Redaction``) before any
/// byte is written (see ``Redaction``). `timing` is kept apart so that diffs can ignore it.
public struct Exchange: Sendable, Hashable {
    /// When the exchange started and how long the upstream took to answer.
    public struct Timing: Sendable, Hashable {
        /// When the request arrived.
        public var startedAt: Date
        /// From the request's arrival to the upstream's complete response, in milliseconds.
        public var milliseconds: Double

        /// Creates a timing.
        public init(startedAt: Date, milliseconds: Double) {
            self.startedAt = startedAt
            self.milliseconds = milliseconds
        }

        /// The Unix epoch and zero duration, for exchanges whose timing is unknown.
        public static let unknown = Timing(startedAt: Date(timeIntervalSince1970: 0), milliseconds: 0)
    }

    /// The version of the file format this code writes.
    public static let formatVersion = 1

    /// The request.
    public var request: RecordedRequest
    /// The response.
    public var response: RecordedResponse
    /// The contract's endpoint id, or nil when the request routed to no endpoint.
    public var endpointID: String?
    /// The path parameters the route extracted, percent-decoded, by name.
    public var pathParameters: [String: String]
    /// When it happened; kept apart from the messages so that comparisons can leave it out.
    public var timing: Timing
    /// The contract violations found in the request and the response, in that order.
    public var violations: [Violation]

    /// Creates an exchange.
    public init(request: RecordedRequest, response: RecordedResponse, endpointID: String? = nil,
                pathParameters: [String: String] = [:], timing: Timing = .unknown, violations: [Violation] = []) {
        self.request = request
        self.response = response
        self.endpointID = endpointID
        self.pathParameters = pathParameters
        self.timing = timing
        self.violations = violations
    }

    /// The folder an exchange is filed under: its endpoint id, or `_unrouted`.
    public var folderName: String { endpointID ?? Self.unroutedFolder }

    /// The folder of exchanges no endpoint matched.
    public static let unroutedFolder = "_unrouted"
}
