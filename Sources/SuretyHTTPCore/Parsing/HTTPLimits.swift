/// The bounds the request parser enforces, each with one name, a documented default and an exact status.
///
/// Every limit is inclusive: a value exactly at the limit is accepted, one byte (or field) over is refused.
public struct HTTPLimits: Sendable, Hashable {
    /// The longest request line accepted, in bytes, excluding its CRLF; default 8 KiB; over it → 414.
    public var maxRequestLineBytes: Int
    /// The largest field section accepted, in bytes: every header line (and trailer line) with its
    /// line ending, excluding the request line and the empty line ending the head; default 64 KiB; over it → 431.
    public var maxHeaderBytes: Int
    /// The most header (plus trailer) field lines accepted; default 100; over it → 431.
    public var maxHeaderCount: Int
    /// The largest decoded body accepted, in bytes, whether framed by Content-Length or chunked; default 16 MiB; over it → 413.
    public var maxBodyBytes: Int
    /// The longest chunk-size line (size plus extensions) accepted, in bytes, excluding its CRLF; default 4 KiB; over it → 400.
    public var maxChunkLineBytes: Int

    /// Creates limits; every argument defaults to the documented default.
    public init(
        maxRequestLineBytes: Int = 8 * 1024,
        maxHeaderBytes: Int = 64 * 1024,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 16 * 1024 * 1024,
        maxChunkLineBytes: Int = 4 * 1024
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.maxChunkLineBytes = maxChunkLineBytes
    }

    /// The documented defaults: 8 KiB request line, 64 KiB of headers, 100 fields, 16 MiB body, 4 KiB chunk line.
    public static let `default` = HTTPLimits()
}
