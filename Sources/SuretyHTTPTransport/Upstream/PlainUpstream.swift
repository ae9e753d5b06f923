import Foundation
import SuretyHTTPCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Forwards a request to an `http://` upstream over one socket, sending exactly the client's end-to-end fields.
///
/// URLSession adds `Accept`, `Accept-Language`, `User-Agent` and `Connection` fields and refuses a GET with a body, so
/// a request exactly at a limit was refused upstream and a GET with a body got 502. Here the request line and fields
/// are the client's (hop-by-hop fields and `Host` replaced by the upstream's authority, `Content-Length` recomputed,
/// RFC 9110 §7.6.1), the body is sent whatever the method, and the response is read with ``HTTPResponseParser``.
/// The socket is blocking, used on a thread of its own; `timeout` bounds each read and write.
struct PlainUpstream: Sendable {
    /// The upstream's host, port and authority (`Host` value).
    let host: String, port: UInt16, authority: String
    /// The path prefix of the base URL (`/v1`), without a trailing slash.
    let basePath: String
    /// The most one read or write may wait.
    let timeout: Duration

    /// The bytes sent upstream for `request`.
    func requestBytes(_ request: HTTPRequest) -> [UInt8] {
        let target = basePath + (request.target.hasPrefix("/") ? request.target : "/" + request.target)
        var head = "\(request.method.rawValue) \(target) HTTP/1.1\r\nHost: \(authority)\r\n"
        for field in UpstreamClient.endToEndFields(of: request) { head += "\(field.name): \(field.value)\r\n" }
        if !request.body.isEmpty || request.headers["Content-Length"] != nil { head += "Content-Length: \(request.body.count)\r\n" }
        return Array((head + "\r\n").utf8) + request.body
    }

    /// Sends the request and reads the response; blocking.
    func exchange(_ request: HTTPRequest) throws(UpstreamError) -> HTTPResponse {
        let socket: Socket
        do { socket = try Socket.connect(host: host, port: port) } catch { throw .connectionFailed(code: -1) }
        defer { socket.close() }
        let seconds = Double(timeout.nanoseconds) / 1e9
        var time = timeval(tv_sec: .init(seconds), tv_usec: .init((seconds - seconds.rounded(.down)) * 1_000_000))
        _ = setsockopt(socket.fileDescriptor, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(socket.fileDescriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        let bytes = requestBytes(request)
        var sent = 0
        while sent < bytes.count {
            switch bytes.withUnsafeBytes({ socket.write(UnsafeRawBufferPointer(rebasing: $0[sent...])) }) {
            case .transferred(let count): sent += count
            case .wouldBlock: throw .timedOut
            case .closed, .failed: throw .connectionFailed(code: -1)
            }
        }
        var parser = HTTPResponseParser(method: request.method)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        do {
            while true {
                switch chunk.withUnsafeMutableBytes({ socket.read(into: $0) }) {
                case .transferred(let count):
                    if let response = try parser.append(chunk.prefix(count)) { return response }
                case .closed: return try parser.finish()
                case .wouldBlock: throw UpstreamError.timedOut
                case .failed: throw UpstreamError.connectionFailed(code: -1)
                }
            }
        } catch let error as UpstreamError {
            throw error
        } catch {
            throw .invalidResponse
        }
    }
}
