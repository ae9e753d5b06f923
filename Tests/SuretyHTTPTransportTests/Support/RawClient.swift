import Foundation
import SuretyHTTPCore
@testable import SuretyHTTPTransport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking HTTP/1.1 client over a raw socket, with a read deadline, for byte-exact tests.
///
/// `@unchecked Sendable`: each test uses a client from one thread at a time.
final class RawClient: @unchecked Sendable {
    let socket: Socket
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; every read gives up after `timeout` seconds.
    init(port: UInt16, timeout: Double = 20) throws {
        socket = try Socket.connect(host: "127.0.0.1", port: port)
        try socket.setReceiveTimeout(seconds: timeout)
    }

    deinit {
        socket.close()
    }

    /// Sends all of `text`.
    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends all of `bytes`.
    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let result = bytes.withUnsafeBytes { socket.write(UnsafeRawBufferPointer(rebasing: $0[sent...])) }
            switch result {
            case .transferred(let count): sent += count
            case .wouldBlock: continue
            case .closed: throw RawClientError.closed
            case .failed(let code): throw RawClientError.failed(code)
            }
        }
    }

    /// Whether bytes (or end-of-file) arrive within `milliseconds`.
    func waitReadable(milliseconds: Int32) -> Bool {
        if !buffer.isEmpty { return true }
        var descriptor = pollfd(fd: socket.fileDescriptor, events: Int16(POLLIN), revents: 0)
        return SystemCall.poll(&descriptor, 1, milliseconds) > 0
    }

    /// Reads one response; a HEAD response or a 1xx/204/304 has no body whatever its Content-Length says.
    func readResponse(head: Bool = false) throws -> RawResponse {
        var end: Int?
        while end == nil {
            end = buffer.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound
            if end == nil { try fill() }
        }
        let headText = String(decoding: buffer[..<end!], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw RawClientError.malformed }
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw RawClientError.malformed }
        var headers = HTTPFields()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw RawClientError.malformed }
            headers.append(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        buffer.removeFirst(end!)
        var body: [UInt8] = []
        if head || (100..<200).contains(status) || status == 204 || status == 304 {
            body = []
        } else if let length = headers["Content-Length"].flatMap({ Int($0) }) {
            while buffer.count < length { try fill() }
            body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else {
            body = try readToEnd()
        }
        return RawResponse(status: status, headers: headers, body: body)
    }

    /// Reads until the server closes, returning everything unread.
    func readToEnd() throws -> [UInt8] {
        while true {
            do {
                try fill()
            } catch RawClientError.closed {
                defer { buffer = [] }
                return buffer
            }
        }
    }

    /// Whether the server has closed (or reset) the connection, waiting up to the read deadline.
    func readsEndOfStream() -> Bool {
        guard buffer.isEmpty else { return false }
        do {
            try fill()
            return false
        } catch RawClientError.closed {
            return true
        } catch RawClientError.failed(let code) {
            return code == ECONNRESET
        } catch {
            return false
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let result = chunk.withUnsafeMutableBytes { socket.read(into: $0) }
        switch result {
        case .transferred(let count): buffer += chunk[..<count]
        case .closed: throw RawClientError.closed
        case .wouldBlock: throw RawClientError.timedOut
        case .failed(let code): throw RawClientError.failed(code)
        }
    }
}
