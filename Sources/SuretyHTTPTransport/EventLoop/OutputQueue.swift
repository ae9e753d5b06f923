import SuretyHTTPCore

/// The bytes waiting to be sent on one connection, written with as few copies and calls as is easy.
///
/// Small responses are serialized into one reused scratch buffer, so pipelined responses leave in
/// one `send`. A large body is queued as its own segment (sharing the responder's array, no copy)
/// and goes out together with the preceding head in one gathering `sendmsg`/`writev`.
struct OutputQueue {
    /// The outcome of trying to send everything queued.
    enum FlushResult: Equatable {
        /// Everything was sent.
        case drained
        /// The socket is full; `progressed` says whether any byte went out.
        case blocked(progressed: Bool)
        /// The connection failed.
        case failed
    }

    /// Bodies larger than this are queued as separate segments instead of being copied.
    static let segmentThreshold = 16 * 1024

    private var segments: [[UInt8]] = []
    private var scratch: [UInt8] = []
    private var offset = 0
    private let serializer = HTTPResponseSerializer()

    /// Whether nothing is waiting to be sent.
    var isEmpty: Bool { segments.isEmpty && scratch.count == offset }

    /// The number of bytes waiting, counting partially sent pieces fully.
    var pendingBytes: Int { segments.reduce(scratch.count) { $0 + $1.count } - offset }

    /// Queues raw bytes, such as the interim `100 Continue`.
    mutating func append(_ bytes: [UInt8]) {
        scratch.append(contentsOf: bytes)
    }

    /// Queues a serialized response.
    mutating func append(_ response: HTTPResponse, context: HTTPResponseSerializer.Context) {
        guard serializer.writeHead(response, context: context, into: &scratch) else { return }
        if response.body.count <= Self.segmentThreshold {
            scratch.append(contentsOf: response.body)
        } else {
            if segments.isEmpty && offset > 0 {
                scratch.removeSubrange(0..<offset)
                offset = 0
            }
            segments.append(scratch)
            segments.append(response.body)
            scratch = []
        }
    }

    /// Sends as much as the socket takes now.
    mutating func flush(to socket: Socket) -> FlushResult {
        var progressed = false
        while !isEmpty {
            let result: Socket.IOResult
            if segments.isEmpty {
                let start = offset
                result = scratch.withUnsafeBytes { socket.write(UnsafeRawBufferPointer(rebasing: $0[start...])) }
            } else {
                let start = offset
                let second = segments.count > 1 ? segments[1] : scratch
                result = segments[0].withUnsafeBytes { first in
                    second.withUnsafeBytes { socket.write(UnsafeRawBufferPointer(rebasing: first[start...]), $0) }
                }
            }
            switch result {
            case .transferred(let count):
                progressed = progressed || count > 0
                consume(count)
            case .wouldBlock:
                return .blocked(progressed: progressed)
            case .closed, .failed:
                return .failed
            }
        }
        scratch.removeAll(keepingCapacity: scratch.capacity <= 256 * 1024)
        offset = 0
        return .drained
    }

    /// Advances past `count` sent bytes, dropping finished segments.
    private mutating func consume(_ count: Int) {
        var count = count
        while count > 0, let first = segments.first {
            let remaining = first.count - offset
            if count < remaining {
                offset += count
                return
            }
            count -= remaining
            segments.removeFirst()
            offset = 0
        }
        offset += count
    }
}
