/// Statuses any endpoint may answer although no endpoint documents them.
///
/// The reference documents declare only `200` (`semantics.md` §4.3: the error catalogue is unpublished), yet a
/// backend must refuse bad requests somehow, and a server refuses oversized or slow requests (408, 413, 414, 431).
/// Surety accepts these client-error statuses on every endpoint, with any
/// JSON body, and counts every other undocumented status, including every 5xx, as a `status` violation.
public enum ErrorConvention {
    /// The accepted client-error statuses and what each means.
    public static let statuses: [Int: String] = [
        400: "malformed request", 401: "missing or invalid token", 403: "missing permission or tenant",
        404: "unknown path or locator", 405: "method not allowed", 408: "request timed out", 409: "conflicting state",
        413: "body too large", 414: "request line too long", 415: "unsupported media type",
        422: "operation not allowed in this state", 429: "rate limited", 431: "header fields too large",
    ]

    /// Whether a status is one of the conventional errors.
    public static func accepts(_ status: Int) -> Bool { statuses[status] != nil }
}
